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

    /// <summary>From PostgreSQL 16 a membership granted WITH SET FALSE cannot become the role (SET ROLE is refused):
    /// nothing to escalate to. One granted WITH INHERIT FALSE still can. Before 16 every membership allows SET ROLE,
    /// and the grant options do not exist.</summary>
    [Fact]
    public async Task Only_memberships_that_allow_set_role_are_reported()
    {
        var migrations = Schemas.CorrectOrders.Replace("app_user", "tg1020_set_app", StringComparison.Ordinal) + """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tg1020_no_set') THEN
                    CREATE ROLE tg1020_no_set NOLOGIN BYPASSRLS;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tg1020_set_only') THEN
                    CREATE ROLE tg1020_set_only NOLOGIN BYPASSRLS;
                END IF;
            END $$;
            GRANT tg1020_no_set TO tg1020_set_app WITH SET FALSE;
            GRANT tg1020_set_only TO tg1020_set_app WITH INHERIT FALSE, SET TRUE;
            """;
        if (fixture.Server.ServerVersion.Major < 16)
        {
            var error = await Assert.ThrowsAsync<MigrationException>(() =>
                fixture.AuditAsync(migrations, b => b.WithAppRole("tg1020_set_app").WithMigrationsAsSuperuser()));
            Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
            return;
        }

        var report = await fixture.AuditAsync(migrations, b => b.WithAppRole("tg1020_set_app").WithMigrationsAsSuperuser());

        var finding = Assert.Single(report.Of("TG1020"));
        Assert.Equal("tg1020_set_only", finding.Object);
    }

    [Fact]
    public async Task An_app_role_without_memberships_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1020"));
    }
}
