using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1003Tests(PostgresServerFixture fixture)
{
    private const string Docs = """
        CREATE TABLE docs (
            id serial PRIMARY KEY,
            tenant_id uuid NOT NULL,
            archived boolean NOT NULL DEFAULT false,
            is_shared boolean NOT NULL DEFAULT false,
            sharing_mode text NOT NULL DEFAULT 'private',
            shared_with uuid[] NOT NULL DEFAULT '{}'
        );
        CREATE INDEX ON docs (tenant_id);
        ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
        ALTER TABLE docs FORCE ROW LEVEL SECURITY;
        GRANT SELECT, INSERT, UPDATE, DELETE ON docs TO app_user;

        """;

    [Fact]
    public async Task Using_true_opens_every_command()
    {
        var report = await fixture.AuditAsync(Docs + "CREATE POLICY docs_all ON docs USING (true);");

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("public.docs", finding.Object);
        Assert.Contains("SELECT, INSERT, UPDATE, UPDATE (WITH CHECK), DELETE", finding.Message);
        Assert.Contains("always true", finding.Message);
        Assert.Contains("DROP POLICY docs_all ON public.docs;", finding.Fix);
        // No policy reads a setting yet: the fix proposes the one default the attacks set too.
        Assert.Contains("tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid", finding.Fix);
    }

    [Fact]
    public async Task A_permissive_policy_that_is_not_about_the_tenant_ors_access_open()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_tenant ON docs USING (tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY docs_archive ON docs FOR SELECT USING (archived);
            """);

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.StartsWith("SELECT on public.docs: policy docs_archive", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public async Task An_insert_check_that_is_not_tenant_bound_lets_rows_be_written_for_other_tenants()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_read ON docs FOR SELECT USING (tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY docs_update ON docs FOR UPDATE USING (tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY docs_delete ON docs FOR DELETE USING (tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY docs_write ON docs FOR INSERT WITH CHECK (true);
            """);

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.StartsWith("INSERT on public.docs", finding.Message);
        Assert.Contains("can write rows carrying any tenant's tenant_id", finding.Message);
        Assert.Contains("FOR INSERT", finding.Fix);
    }

    [Fact]
    public async Task A_restrictive_tenant_policy_closes_an_open_permissive_one()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_open ON docs USING (true);
            CREATE POLICY docs_tenant ON docs AS RESTRICTIVE USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        Assert.Empty(report.Of("TG1003"));
    }

    [Fact]
    public async Task A_command_without_any_policy_is_a_warning()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_read ON docs FOR SELECT USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("INSERT, UPDATE, UPDATE (WITH CHECK), DELETE on public.docs: no policy applies to app_user", finding.Message);
    }

    [Fact]
    public async Task A_policy_for_another_role_does_not_protect_the_app_role()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_tenant ON docs TO tenantguard_owner USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        Assert.Contains("no policy applies to app_user", Assert.Single(report.Of("TG1003")).Message);
    }

    [Fact]
    public async Task Sharing_patterns_are_reported_as_warnings_that_a_waiver_accepts()
    {
        var sql = Docs + """
            CREATE FUNCTION get_current_tenant_id() RETURNS uuid LANGUAGE sql STABLE
                AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
            CREATE POLICY docs_select ON docs FOR SELECT USING (
                tenant_id = get_current_tenant_id() OR is_shared = true OR sharing_mode = 'global'
                OR get_current_tenant_id() = ANY (shared_with));
            CREATE POLICY docs_write ON docs FOR ALL USING (tenant_id = get_current_tenant_id());
            """;

        var report = await fixture.AuditAsync(sql);
        var finding = Assert.Single(report.Of("TG1003"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("shares rows across tenants", finding.Message);
        Assert.Equal("app.tenant_id", report.Facts["tenantSetting"]);

        var waiver = new Waiver("TG1003", "public.docs", "Global and selective sharing are product features (seed 002).");
        var waived = await fixture.AuditAsync(sql, options: new AuditOptions { Waivers = [waiver] });
        Assert.Empty(waived.Of("TG1003"));
        Assert.Equal(waiver, Assert.Single(waived.Waived).Waiver);
        Assert.Equal(0, waived.ExitCode);
    }

    [Fact]
    public async Task The_tenant_listed_in_an_array_on_the_row_is_a_sharing_warning()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_read ON docs FOR SELECT USING (
                tenant_id = current_setting('app.tenant_id')::uuid OR current_setting('app.tenant_id')::uuid = ANY (shared_with));
            CREATE POLICY docs_write ON docs FOR ALL USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("shared_with", finding.Message);
        Assert.Empty(report.Of("TG1021"));
    }

    [Fact]
    public async Task Every_unbound_branch_of_a_policy_is_listed()
    {
        var report = await fixture.AuditAsync(Docs + """
            ALTER TABLE docs ADD COLUMN owner_id uuid;
            CREATE POLICY docs_read ON docs FOR SELECT USING (
                tenant_id = current_setting('app.tenant_id')::uuid OR archived OR owner_id = current_setting('app.user_id', true)::uuid);
            CREATE POLICY docs_write ON docs FOR ALL USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        var finding = Assert.Single(report.Of("TG1003"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("archived", finding.Message);
        Assert.Contains("owner_id", finding.Message);
    }

    [Fact]
    public async Task Tenant_bound_forms_are_accepted()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE FUNCTION current_tenant() RETURNS uuid LANGUAGE sql STABLE
                AS $$ SELECT current_setting('app.tenant_id')::uuid $$;
            CREATE POLICY docs_select ON docs FOR SELECT USING (tenant_id = (SELECT current_setting('app.tenant_id', true)::uuid));
            CREATE POLICY docs_insert ON docs FOR INSERT WITH CHECK (tenant_id = current_tenant());
            CREATE POLICY docs_update ON docs FOR UPDATE USING (tenant_id = current_setting('app.tenant_id')::uuid AND NOT archived);
            CREATE POLICY docs_delete ON docs FOR DELETE USING (tenant_id IN (SELECT current_setting('app.tenant_id')::uuid));
            """);

        Assert.True(report.Of("TG1003").Count == 0, report.Describe());
    }
}
