using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1011Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task Grant_all_includes_truncate_and_is_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + "GRANT ALL ON orders TO app_user;");

        var finding = Assert.Single(report.Of("TG1011"));
        Assert.Equal("public.orders", finding.Object);
        Assert.Equal("REVOKE TRUNCATE ON public.orders FROM app_user, PUBLIC;", finding.Fix);
    }

    [Fact]
    public async Task Data_privileges_without_truncate_are_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1011"));
    }
}
