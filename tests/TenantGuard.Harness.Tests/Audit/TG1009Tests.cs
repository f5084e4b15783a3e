using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1009Tests(PostgresServerFixture fixture)
{
    // Without FORCE the owner of orders (the migration owner, who also owns the view) is not subject to its policies.
    private static readonly string NotForced = Schemas.CorrectOrders.Replace("ALTER TABLE orders FORCE ROW LEVEL SECURITY;", "", StringComparison.Ordinal);

    [Fact]
    public async Task A_definer_rights_view_over_a_tenant_table_is_reported()
    {
        var report = await fixture.AuditAsync(NotForced + """
            CREATE VIEW open_orders AS SELECT id, tenant_id, number FROM orders WHERE status = 'open';
            CREATE VIEW recent_open_orders AS SELECT * FROM open_orders ORDER BY id DESC LIMIT 10;
            GRANT SELECT ON open_orders, recent_open_orders TO app_user;
            """);

        var findings = report.Of("TG1009");
        Assert.Equal(["public.open_orders", "public.recent_open_orders"], findings.Select(f => f.Object).Order().ToArray());
        Assert.All(findings, f => Assert.StartsWith("ALTER VIEW public.", f.Fix));
        Assert.All(findings, f => Assert.Equal("public.orders", f.Table));
    }

    [Fact]
    public async Task A_security_invoker_view_is_not_reported()
    {
        var report = await fixture.AuditAsync(NotForced + """
            CREATE VIEW open_orders WITH (security_invoker = true) AS SELECT id, tenant_id, number FROM orders WHERE status = 'open';
            GRANT SELECT ON open_orders TO app_user;
            """);

        Assert.Empty(report.Of("TG1009"));
    }

    [Fact]
    public async Task A_view_whose_owner_is_subject_to_forced_rls_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + """
            CREATE VIEW open_orders AS SELECT id, tenant_id, number FROM orders WHERE status = 'open';
            GRANT SELECT ON open_orders TO app_user;
            """);

        Assert.Empty(report.Of("TG1009"));
    }
}
