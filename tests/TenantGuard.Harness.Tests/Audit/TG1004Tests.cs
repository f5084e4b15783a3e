using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1004Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task An_app_role_with_bypassrls_is_reported()
    {
        const string app = "tg1004_app";
        var report = await fixture.AuditAsync(
            Schemas.CorrectOrders.Replace("app_user", app, StringComparison.Ordinal) + $"ALTER ROLE {app} BYPASSRLS;",
            b => b.WithAppRole(app).WithMigrationsAsSuperuser());

        var finding = Assert.Single(report.Of("TG1004"));
        Assert.Equal(app, finding.Object);
        Assert.Null(finding.Table);
        Assert.Equal($"ALTER ROLE {app} NOSUPERUSER NOBYPASSRLS;", finding.Fix);
    }

    [Fact]
    public async Task An_ordinary_app_role_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1004"));
    }
}
