using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>TG1002 (RLS not forced on a table the app role owns) and TG1005 (app role owns a tenant table) share
/// their set-up: the migrations hand the table to the app role.</summary>
[Collection("postgres")]
public sealed class TG1002AndTG1005Tests(PostgresServerFixture fixture)
{
    private const string App = "tg1002_app";

    private static string OwnedByApp(bool force) => $"""
        CREATE TABLE invoices (id serial PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE INDEX ON invoices (tenant_id);
        ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
        {(force ? "ALTER TABLE invoices FORCE ROW LEVEL SECURITY;" : "")}
        CREATE POLICY invoices_tenant ON invoices USING (tenant_id = current_setting('app.tenant_id')::uuid);
        ALTER TABLE invoices OWNER TO {App};
        """;

    [Fact]
    public async Task An_app_owned_table_without_force_is_reported_by_both_rules()
    {
        var report = await fixture.AuditAsync(OwnedByApp(force: false), b => b.WithAppRole(App).WithMigrationsAsSuperuser());

        var notForced = Assert.Single(report.Of("TG1002"));
        Assert.Equal("public.invoices", notForced.Object);
        Assert.Equal("ALTER TABLE public.invoices FORCE ROW LEVEL SECURITY;", notForced.Fix);
        var owns = Assert.Single(report.Of("TG1005"));
        // The fix hands the table to whoever runs the migrations, never to the role the harness runs them as.
        Assert.Contains("ALTER TABLE public.invoices OWNER TO CURRENT_USER;", owns.Fix);
        Assert.DoesNotContain(TenantDatabaseBuilder.DefaultOwnerRole, owns.Fix);
    }

    [Fact]
    public async Task A_superuser_app_role_is_TG1004_not_an_owner_of_every_table()
    {
        const string app = "tg1005_superuser_app";
        var report = await fixture.AuditAsync(
            $"CREATE ROLE {app} SUPERUSER;\n" + Schemas.CorrectOrders.Replace("app_user", app, StringComparison.Ordinal).Replace("FORCE", "NO FORCE", StringComparison.Ordinal),
            b => b.WithMigrationsAsSuperuser());

        Assert.Single(report.Of("TG1004"));
        Assert.Empty(report.Of("TG1005"));
        Assert.Empty(report.Of("TG1002"));
    }

    [Fact]
    public async Task Forcing_rls_clears_TG1002_but_ownership_is_still_reported()
    {
        var report = await fixture.AuditAsync(OwnedByApp(force: true), b => b.WithAppRole(App).WithMigrationsAsSuperuser());

        Assert.Empty(report.Of("TG1002"));
        Assert.Single(report.Of("TG1005"));
    }

    [Fact]
    public async Task Tables_owned_by_the_migration_owner_are_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1002"));
        Assert.Empty(report.Of("TG1005"));
    }
}
