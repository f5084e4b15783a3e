using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Attacks;

/// <summary>A clean verdict is proven: every attack's positive control passed, whatever the role is called, however the
/// policies read the tenant, and whatever they raise.</summary>
[Collection("postgres")]
public sealed class ProvenVerdictTests(PostgresServerFixture fixture)
{
    private static string NewRole() => "tg_web_" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Report> VerifyAsync(string schema, Action<TenantDatabaseBuilder>? configure = null)
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = schema }, configure);
        await using var _ = template;
        await using var __ = database;
        return await IsolationAttack.RunAsync(database, new VerifyOptions());
    }

    private static string[] Rules(Report report) => report.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string Notes(string role) => $"""
        CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL);
        CREATE INDEX ON notes (tenant_id);
        ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE notes FORCE ROW LEVEL SECURITY;
        CREATE POLICY notes_tenant ON notes USING (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
        GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO {role};

        """;

    [Fact]
    public async Task An_app_role_with_another_name_is_inferred_and_a_table_without_rls_leaks()
    {
        var role = NewRole();
        var report = await VerifyAsync(Notes(role) + $"""
            CREATE TABLE files (id serial PRIMARY KEY, tenant_id uuid NOT NULL);
            GRANT SELECT, INSERT, UPDATE, DELETE ON files TO {role};
            """);

        Assert.Equal(role, report.Facts["appRole"].Split(',')[0]);
        Assert.Contains(report.Findings, f => f.Rule == AttackRules.CrossTenantRead && f.Object == "public.files");
        Assert.DoesNotContain(report.Findings, f => f.Object == "public.notes");
    }

    [Fact]
    public async Task A_correct_schema_is_clean_only_with_every_control_passed()
    {
        var report = await VerifyAsync(Notes(NewRole()));

        Assert.Empty(report.Findings);
        Assert.True(int.Parse(report.Facts["controlsPassed"], System.Globalization.CultureInfo.InvariantCulture) >= 6, report.Facts["controlsPassed"]);
    }

    [Fact]
    public async Task A_tenant_registry_keyed_by_the_tenant_column_is_proven_without_moving_rows()
    {
        var role = NewRole();
        var report = await VerifyAsync($"""
            CREATE TABLE tenant (tenant_id uuid PRIMARY KEY, name varchar(255) UNIQUE, tier text CHECK (tier IN ('gold', 'silver')));
            ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON tenant USING (tenant_id = current_setting('app.tenant')::uuid);
            GRANT SELECT, INSERT, UPDATE, DELETE ON tenant TO {role};
            """);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task A_tenant_setting_no_policy_reads_is_refused_naming_the_ones_they_do()
    {
        var error = await Assert.ThrowsAsync<HarnessException>(() => VerifyAsync(Notes(NewRole()), b => b.WithTenantSetting("app.tenant_typo")));

        Assert.Contains("--tenant-setting app.tenant_typo: no policy reads app.tenant_typo", error.Message);
        Assert.Contains("app.tenant (compared with tenant_id in 1 policy)", error.Message);
    }

    [Fact]
    public async Task A_switch_given_as_the_tenant_setting_is_refused()
    {
        var schema = Notes(NewRole()).Replace(
            "USING (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)",
            "USING (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid OR current_setting('app.bypass', true) = 'on')",
            StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<HarnessException>(() => VerifyAsync(schema, b => b.WithTenantSetting("app.bypass")));

        Assert.Contains("compare app.bypass only with constants", error.Message);
    }

    [Fact]
    public async Task A_tenant_setting_the_policies_do_not_keep_to_is_not_proven_isolated()
    {
        // The policy reads the setting only for one command: the others refuse the tenant's own rows.
        var role = NewRole();
        var report = await VerifyAsync($"""
            CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY notes_read ON notes FOR SELECT USING (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
            GRANT SELECT, UPDATE ON notes TO {role};
            """);

        var unproven = Assert.Single(report.Findings);
        Assert.Equal(AttackRules.IsolationNotProven, unproven.Rule);
        Assert.Contains("update by key: 0 of tenant A's own rows", unproven.Message);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task A_text_tenant_column_cast_to_uuid_by_the_policy_is_attacked_and_proven()
    {
        var role = NewRole();
        var report = await VerifyAsync($"""
            CREATE TABLE notes (id serial PRIMARY KEY, tenant_id text NOT NULL, body text NOT NULL);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            ALTER TABLE notes FORCE ROW LEVEL SECURITY;
            CREATE POLICY notes_tenant ON notes USING (tenant_id::uuid = current_setting('app.tenant')::uuid);
            GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO {role};
            """);

        Assert.Empty(report.Findings);
        Assert.Equal("1", report.Facts["tablesAttacked"]);
    }

    [Fact]
    public async Task A_policy_that_raises_is_recorded_for_its_table_and_the_run_goes_on()
    {
        var role = NewRole();
        var report = await VerifyAsync(Notes(role) + $"""
            CREATE FUNCTION strict_tenant() RETURNS uuid LANGUAGE plpgsql STABLE AS $$
            BEGIN
                RAISE EXCEPTION 'tenant lookup failed for %', current_setting('app.tenant', true);
            END $$;
            CREATE TABLE files (id serial PRIMARY KEY, tenant_id uuid NOT NULL);
            ALTER TABLE files ENABLE ROW LEVEL SECURITY;
            CREATE POLICY files_tenant ON files USING (tenant_id = strict_tenant());
            GRANT SELECT, INSERT, UPDATE, DELETE ON files TO {role};
            """);

        var unproven = Assert.Single(report.Findings);
        Assert.Equal(("TG2009", "public.files"), (unproven.Rule, unproven.Object));
        Assert.Contains("P0001 tenant lookup failed", unproven.Message);
        Assert.Contains("tenant lookup failed", unproven.Evidence);
    }

    [Fact]
    public async Task A_bypassrls_app_role_created_in_a_guarded_do_block_is_seen()
    {
        var role = NewRole();
        var schema = $"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN BYPASSRLS;
                END IF;
            END
            $$;
            {Notes(role)}
            """;

        var audit = await fixture.AuditAsync(schema, b => b.WithMigrationsAsSuperuser());
        var attacks = await VerifyAsync(schema, b => b.WithMigrationsAsSuperuser());

        Assert.Equal(role, Assert.Single(audit.Of("TG1004")).Object);
        Assert.Contains(attacks.Findings, f => f.Rule == AttackRules.CrossTenantRead);
    }

    [Fact]
    public async Task A_login_role_the_migrations_create_needs_no_superuser_and_keeps_its_grants()
    {
        var role = NewRole();
        var report = await VerifyAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD 'change-me' NOSUPERUSER NOBYPASSRLS;
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    EXECUTE 'GRANT USAGE ON SCHEMA public TO {role}';
                END IF;
            END
            $$;
            {Notes(role)}
            """);

        Assert.Empty(report.Findings);
        Assert.Contains("defined by the migrations", report.Facts["appRole"]);
    }

    private const string Platform = "'00000000-0000-0000-0000-000000000000'::uuid";

    private static string PlatformNotes(string role, string policies) => $"""
        CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL);
        CREATE INDEX ON notes (tenant_id);
        ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE notes FORCE ROW LEVEL SECURITY;
        {policies}
        GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO {role};
        """;

    [Fact]
    public async Task A_platform_tenant_every_tenant_reads_but_can_also_change_is_a_write_finding()
    {
        var report = await VerifyAsync(PlatformNotes(NewRole(), $"""
            CREATE POLICY notes_tenant ON notes
                USING (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid OR tenant_id = {Platform})
                WITH CHECK (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
            """));

        Assert.Equal("00000000-0000-0000-0000-000000000000", report.Facts["sharedTenants"]);
        // UPDATE keeps the row's tenant, so WITH CHECK refuses it; DELETE has no check: USING alone lets it through.
        Assert.Equal(["TG2003"], Rules(report));
        Assert.All(report.Findings, f => Assert.Contains("shared tenant 00000000-0000-0000-0000-000000000000", f.Message));
    }

    [Fact]
    public async Task A_platform_tenant_every_tenant_may_only_read_is_proven_clean()
    {
        var current = "nullif(current_setting('app.tenant', true), '')::uuid";
        var report = await VerifyAsync(PlatformNotes(NewRole(), $"""
            CREATE POLICY notes_read ON notes FOR SELECT USING (tenant_id = {current} OR tenant_id = {Platform});
            CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (tenant_id = {current});
            CREATE POLICY notes_update ON notes FOR UPDATE USING (tenant_id = {current}) WITH CHECK (tenant_id = {current});
            CREATE POLICY notes_delete ON notes FOR DELETE USING (tenant_id = {current});
            """));

        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings.Select(f => $"{f.Rule}: {f.Message}")));
    }

    [Fact]
    public async Task An_app_role_that_reaches_no_tenant_table_is_a_wrong_role_not_a_clean_run()
    {
        var role = NewRole();
        var error = await Assert.ThrowsAsync<HarnessException>(() => VerifyAsync(
            $"CREATE ROLE {role};\nCREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL);",
            b => b.WithAppRole(role)));

        Assert.Contains($"App role {role} may not SELECT, INSERT, UPDATE or DELETE any of the 1 tenant table(s)", error.Message);
    }
}
