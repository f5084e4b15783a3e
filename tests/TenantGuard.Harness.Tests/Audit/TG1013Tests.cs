using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1013Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_foreign_key_between_tenant_tables_without_the_tenant_column_is_reported()
    {
        var lines = Schemas.CorrectOrderLines.Replace(
            "FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)",
            "CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)",
            StringComparison.Ordinal);

        var report = await fixture.AuditAsync(Schemas.CorrectOrders + lines);

        var finding = Assert.Single(report.Of("TG1013"));
        Assert.Equal("order_lines_order_fk on public.order_lines", finding.Object);
        Assert.Contains("FOREIGN KEY (tenant_id, order_id) REFERENCES public.orders (tenant_id, id);", finding.Fix);
    }

    [Fact]
    public async Task A_composite_foreign_key_with_the_tenant_column_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Schemas.CorrectOrderLines);

        Assert.Empty(report.Of("TG1013"));
    }
}
