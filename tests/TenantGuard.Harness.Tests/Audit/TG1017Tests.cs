using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1017Tests(PostgresServerFixture fixture)
{
    private const string Leads = """
        CREATE TABLE leads (id serial PRIMARY KEY, tenant_id text NOT NULL);
        CREATE INDEX ON leads (tenant_id);
        ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
        ALTER TABLE leads FORCE ROW LEVEL SECURITY;
        GRANT SELECT ON leads TO app_user;

        """;

    [Fact]
    public async Task A_default_tenant_fallback_in_a_policy_is_reported()
    {
        var report = await fixture.AuditAsync(Leads + """
            CREATE POLICY leads_tenant ON leads USING (tenant_id = COALESCE(current_setting('app.tenant_id', true), 'default-tenant'));
            """);

        var finding = Assert.Single(report.Of("TG1017"));
        Assert.Equal("leads_tenant on public.leads", finding.Object);
        Assert.Contains("USING (tenant_id = current_setting('app.tenant_id'))", finding.Fix);
    }

    [Fact]
    public async Task A_missing_ok_read_without_a_fallback_value_is_not_reported()
    {
        var report = await fixture.AuditAsync(Leads + """
            CREATE POLICY leads_tenant ON leads USING (tenant_id = COALESCE(current_setting('app.tenant_id', true), ''));
            """);

        Assert.Empty(report.Of("TG1017"));
    }
}
