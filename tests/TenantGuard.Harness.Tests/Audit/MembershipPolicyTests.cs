using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>Policies that bind rows to the tenant through the caller's membership, in the shape of Supabase starter
/// schemas: an auth.uid() reading the request's claim, an account_user table, and has_role_on_account(account_id).</summary>
[Collection("postgres")]
public sealed class MembershipPolicyTests(PostgresServerFixture fixture)
{
    private const string Accounts = """
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
        GRANT USAGE ON SCHEMA auth TO app_user;
        CREATE TABLE accounts (id uuid PRIMARY KEY);
        CREATE TABLE account_user (
            user_id uuid NOT NULL,
            account_id uuid NOT NULL REFERENCES accounts (id),
            account_role text NOT NULL,
            PRIMARY KEY (account_id, user_id)
        );
        CREATE TABLE notes (id serial PRIMARY KEY, account_id uuid NOT NULL REFERENCES accounts (id), body text);
        CREATE INDEX ON notes (account_id);
        ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE notes FORCE ROW LEVEL SECURITY;
        GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO app_user;

        """;

    private static void OnAccounts(TenantDatabaseBuilder builder) => builder.WithTenantColumn("account_id");

    private Task<Report> AuditAsync(string sql) => fixture.AuditAsync(Accounts + sql, OnAccounts);

    private static IReadOnlyList<Finding> On(Report report, string rule, string table) =>
        report.Of(rule).Where(f => f.Object == table).ToList();

    [Fact]
    public async Task A_sql_membership_function_in_its_own_schema_binds_the_account()
    {
        var report = await AuditAsync("""
            CREATE SCHEMA basejump;
            CREATE FUNCTION basejump.has_role_on_account(account_id uuid, account_role text DEFAULT NULL)
                RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
                select exists(
                    select 1 from account_user wu
                    where wu.user_id = auth.uid()
                      and wu.account_id = has_role_on_account.account_id
                      and (wu.account_role = has_role_on_account.account_role or has_role_on_account.account_role is null));
            $$;
            CREATE FUNCTION basejump.get_accounts_with_role(passed_in_role text DEFAULT NULL)
                RETURNS SETOF uuid LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
                select account_id from account_user wu
                where wu.user_id = auth.uid() and (wu.account_role = passed_in_role or passed_in_role is null);
            $$;
            GRANT USAGE ON SCHEMA basejump TO app_user;
            CREATE POLICY notes_select ON notes FOR SELECT USING (account_id IN (SELECT basejump.get_accounts_with_role()));
            CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (basejump.has_role_on_account(account_id));
            CREATE POLICY notes_update ON notes FOR UPDATE USING (basejump.has_role_on_account(account_id, 'owner'));
            CREATE POLICY notes_delete ON notes FOR DELETE USING (basejump.has_role_on_account(account_id, 'owner'));
            """);

        Assert.True(On(report, "TG1003", "public.notes").Count == 0, report.Describe());
        Assert.Empty(report.Of("TG1021"));
    }

    [Fact]
    public async Task A_plpgsql_membership_function_that_returns_exists_binds_the_account()
    {
        var report = await AuditAsync("""
            CREATE FUNCTION public.has_role_on_account(account_id uuid, account_role varchar(50) DEFAULT NULL)
                RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
            BEGIN
                RETURN EXISTS (
                    SELECT 1 FROM public.account_user membership
                    WHERE membership.user_id = (SELECT auth.uid())
                      AND membership.account_id = has_role_on_account.account_id
                      AND (membership.account_role = has_role_on_account.account_role OR has_role_on_account.account_role IS NULL));
            END;
            $$;
            CREATE POLICY notes_member ON notes USING (public.has_role_on_account(account_id));
            """);

        Assert.True(On(report, "TG1003", "public.notes").Count == 0, report.Describe());
    }

    [Fact]
    public async Task A_membership_check_that_forgets_the_row_is_an_error()
    {
        var report = await AuditAsync("""
            CREATE POLICY notes_member ON notes USING (
                EXISTS (SELECT 1 FROM account_user wu WHERE wu.account_id = account_id AND wu.user_id = auth.uid()));
            """);

        var finding = Assert.Single(On(report, "TG1003", "public.notes"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("compares account_id with itself", finding.Message);
    }

    [Fact]
    public async Task A_user_scoped_policy_is_unbound_and_says_what_it_compared()
    {
        var report = await AuditAsync("""
            ALTER TABLE notes ADD COLUMN owner_id uuid;
            CREATE POLICY notes_owner ON notes USING (owner_id = auth.uid());
            """);

        var finding = Assert.Single(On(report, "TG1003", "public.notes"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("compares owner_id with the caller (auth.uid())", finding.Message);
    }

    [Fact]
    public async Task The_membership_table_may_show_callers_their_own_memberships_but_another_table_may_not_be_user_scoped()
    {
        var report = await AuditAsync("""
            CREATE FUNCTION has_role_on_account(account_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT EXISTS (SELECT 1 FROM account_user wu WHERE wu.user_id = auth.uid() AND wu.account_id = has_role_on_account.account_id)
            $$;
            ALTER TABLE account_user ENABLE ROW LEVEL SECURITY;
            CREATE INDEX ON account_user (account_id);
            GRANT SELECT ON account_user TO app_user;
            CREATE POLICY own_memberships ON account_user FOR SELECT USING (user_id = auth.uid());
            CREATE POLICY teammates ON account_user FOR SELECT USING (has_role_on_account(account_id) = true);
            ALTER TABLE notes ADD COLUMN author_id uuid;
            CREATE POLICY notes_by_author ON notes FOR SELECT USING (author_id = auth.uid());
            """);

        Assert.True(On(report, "TG1003", "public.account_user").Count == 0, report.Describe());
        var userScoped = Assert.Single(On(report, "TG1003", "public.notes"), f => f.Message.Contains("notes_by_author", StringComparison.Ordinal));
        Assert.Contains("compares author_id with the caller", userScoped.Message);
    }
}
