using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1001Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_tenant_table_without_rls_is_reported_with_the_sql_that_enables_it()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + """
            CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text);
            CREATE INDEX ON notes (tenant_id);
            GRANT SELECT, INSERT ON notes TO app_user;
            """);

        var finding = Assert.Single(report.Of("TG1001"));
        Assert.Equal("public.notes", finding.Object);
        Assert.Contains("ENABLE ROW LEVEL SECURITY", finding.Fix);
        Assert.Contains("CREATE POLICY", finding.Fix);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task The_fix_proposes_only_what_the_table_lacks_and_the_setting_its_policies_read()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + "ALTER TABLE orders DISABLE ROW LEVEL SECURITY;");

        var finding = Assert.Single(report.Of("TG1001"));
        Assert.Equal("ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;", finding.Fix);
    }

    [Fact]
    public async Task A_table_listed_as_tenant_owned_is_checked_without_the_tenant_column()
    {
        var sql = Schemas.CorrectOrders + "CREATE TABLE settings (key text PRIMARY KEY, value text);\nGRANT SELECT ON settings TO app_user;";

        var listed = await fixture.AuditAsync(sql, options: new AuditOptions { TenantTables = ["public.settings"] });
        var unlisted = await fixture.AuditAsync(sql);

        Assert.Equal("public.settings", Assert.Single(listed.Of("TG1001")).Object);
        Assert.Empty(unlisted.Of("TG1001"));
    }

    [Fact]
    public async Task Tables_with_rls_are_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders);

        Assert.Empty(report.Of("TG1001"));
    }
}
