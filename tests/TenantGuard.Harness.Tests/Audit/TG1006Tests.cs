using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1006Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_nullable_tenant_column_is_reported_on_the_column()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders.Replace("tenant_id uuid NOT NULL", "tenant_id uuid", StringComparison.Ordinal));

        var finding = Assert.Single(report.Of("TG1006"));
        Assert.Equal("public.orders.tenant_id", finding.Object);
        Assert.Contains("ALTER TABLE public.orders ALTER COLUMN tenant_id SET NOT NULL;", finding.Fix);
    }

    [Fact]
    public async Task A_not_null_tenant_column_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1006"));
    }
}
