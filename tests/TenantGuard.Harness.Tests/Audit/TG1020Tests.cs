using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1020Tests(PostgresServerFixture fixture)
{
    private const string App = "tg1020_app";

    [Fact]
    public async Task Membership_in_a_bypassrls_role_is_reported()
    {
        var report = await fixture.AuditAsync(
            Schemas.CorrectOrders.Replace("app_user", App, StringComparison.Ordinal) + $"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tg1020_service') THEN
                        CREATE ROLE tg1020_service NOLOGIN BYPASSRLS;
                    END IF;
                END $$;
                GRANT tg1020_service TO {App};
                """,
            b => b.WithAppRole(App).WithMigrationsAsSuperuser());

        var finding = Assert.Single(report.Of("TG1020"));
        Assert.Equal("tg1020_service", finding.Object);
        Assert.Equal($"REVOKE tg1020_service FROM {App};", finding.Fix);
        Assert.Empty(report.Of("TG1004"));
    }

    [Fact]
    public async Task An_app_role_without_memberships_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1020"));
    }
}
