using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1012Tests(PostgresServerFixture fixture)
{
    private const string Totals = "CREATE MATERIALIZED VIEW order_totals AS SELECT tenant_id, count(*) AS orders FROM orders GROUP BY tenant_id WITH NO DATA;\n";

    [Fact]
    public async Task A_readable_materialized_view_over_a_tenant_table_is_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Totals + "GRANT SELECT ON order_totals TO app_user;");

        var finding = Assert.Single(report.Of("TG1012"));
        Assert.Equal("public.order_totals", finding.Object);
        Assert.Contains("REVOKE SELECT ON public.order_totals FROM app_user, PUBLIC;", finding.Fix);
    }

    [Fact]
    public async Task A_materialized_view_the_app_role_cannot_read_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Totals);

        Assert.Empty(report.Of("TG1012"));
    }
}
