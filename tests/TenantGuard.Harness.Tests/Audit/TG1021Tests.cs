using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1021Tests(PostgresServerFixture fixture)
{
    private const string Docs = """
        CREATE TABLE docs (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text);
        CREATE INDEX ON docs (tenant_id);
        ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
        ALTER TABLE docs FORCE ROW LEVEL SECURITY;
        GRANT SELECT, INSERT, UPDATE, DELETE ON docs TO app_user;

        """;

    private const string BypassSwitch = """
        CREATE POLICY docs_tenant ON docs
            USING (current_setting('app.bypass_rls', true) = 'on' OR tenant_id = current_setting('app.tenant_id')::uuid);
        """;

    [Fact]
    public async Task A_bypass_switch_is_an_error_and_not_a_sharing_warning()
    {
        var report = await fixture.AuditAsync(Docs + BypassSwitch);

        var finding = Assert.Single(report.Of("TG1021"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("public.docs", finding.Object);
        Assert.Contains("app.bypass_rls", finding.Message);
        Assert.Contains("SELECT, INSERT, UPDATE, UPDATE (WITH CHECK), DELETE", finding.Message);
        Assert.Contains("tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid", finding.Fix);
        Assert.True(report.Of("TG1003").Count == 0, report.Describe());
        Assert.Equal("app.tenant_id", report.Facts["tenantSetting"]);
    }

    [Fact]
    public async Task A_switch_and_an_open_policy_are_both_reported()
    {
        var report = await fixture.AuditAsync(Docs + BypassSwitch + "CREATE POLICY docs_open ON docs FOR SELECT USING (true);");

        Assert.Single(report.Of("TG1021"));
        var open = Assert.Single(report.Of("TG1003"));
        Assert.Contains("policy docs_open USING is always true", open.Message);
        Assert.Equal(Severity.Error, open.Severity);
    }

    [Fact]
    public async Task Switches_through_a_function_or_a_boolean_setting_are_found()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT current_setting('app.role', true) = 'admin' $$;
            CREATE POLICY docs_read ON docs FOR SELECT USING (tenant_id = current_setting('app.tenant_id')::uuid OR is_admin());
            CREATE POLICY docs_write ON docs FOR ALL
                USING (tenant_id = current_setting('app.tenant_id')::uuid OR current_setting('app.is_admin', true)::boolean);
            """);

        var switches = report.Of("TG1021");
        Assert.Equal(2, switches.Count);
        Assert.Contains(switches, f => f.Message.Contains("is_admin() → current_setting('app.role', true) = 'admin'", StringComparison.Ordinal));
        Assert.Contains(switches, f => f.Message.Contains("app.is_admin", StringComparison.Ordinal));
        Assert.Empty(report.Of("TG1003"));
    }

    [Fact]
    public async Task A_switch_read_as_often_as_the_tenant_setting_is_not_the_tenant_setting()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE TABLE files (id serial PRIMARY KEY, tenant_id uuid NOT NULL);
            ALTER TABLE files ENABLE ROW LEVEL SECURITY;
            GRANT SELECT ON files TO app_user;
            CREATE POLICY docs_tenant ON docs USING (current_setting('app.admin_mode', true) = 'on' OR tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY files_tenant ON files USING (tenant_id = current_setting('app.tenant_id')::uuid OR current_setting('app.admin_mode', true) = 'on');
            """);

        Assert.Equal("app.tenant_id", report.Facts["tenantSetting"]);
        Assert.Equal(2, report.Of("TG1021").Count);
    }

    [Fact]
    public async Task A_restrictive_tenant_policy_closes_a_permissive_switch()
    {
        var report = await fixture.AuditAsync(Docs + """
            CREATE POLICY docs_switch ON docs USING (current_setting('app.bypass_rls', true) = 'on');
            CREATE POLICY docs_tenant ON docs AS RESTRICTIVE USING (tenant_id = current_setting('app.tenant_id')::uuid);
            """);

        Assert.Empty(report.Of("TG1021"));
        Assert.Empty(report.Of("TG1003"));
    }
}
