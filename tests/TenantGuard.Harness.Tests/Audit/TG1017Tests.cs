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
        Assert.Contains("USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))", finding.Fix);
    }

    [Fact]
    public async Task A_missing_ok_read_without_a_fallback_value_is_not_reported()
    {
        var report = await fixture.AuditAsync(Leads + """
            CREATE POLICY leads_tenant ON leads USING (tenant_id = COALESCE(current_setting('app.tenant_id', true), ''));
            """);

        Assert.Empty(report.Of("TG1017"));
    }

    [Fact]
    public async Task A_fallback_behind_nullif_or_inside_a_function_is_reported()
    {
        var report = await fixture.AuditAsync("""
            CREATE TABLE orders (id serial PRIMARY KEY, tenant_id uuid NOT NULL);
            CREATE INDEX ON orders (tenant_id);
            ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
            ALTER TABLE orders FORCE ROW LEVEL SECURITY;
            GRANT SELECT ON orders TO app_user;
            CREATE FUNCTION current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
                SELECT coalesce(nullif(current_setting('app.tenant_id', true), ''), '00000000-0000-0000-0000-000000000001')::uuid
            $$;
            CREATE POLICY orders_direct ON orders FOR SELECT USING (
                tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), ''), '00000000-0000-0000-0000-000000000001')::uuid);
            CREATE POLICY orders_function ON orders FOR SELECT USING (tenant_id = current_tenant());
            """);

        Assert.Equal(["orders_direct on public.orders", "orders_function on public.orders"], report.Of("TG1017").Select(f => f.Object).Order());
        Assert.Contains(report.Of("TG1017"), f => f.Message.Contains("current_tenant() → ", StringComparison.Ordinal));
    }
}
