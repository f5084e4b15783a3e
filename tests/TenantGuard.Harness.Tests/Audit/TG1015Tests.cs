using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1015Tests(PostgresServerFixture fixture)
{
    private const string Items = """
        CREATE TABLE order_items (id serial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL);
        GRANT SELECT ON order_items TO app_user;

        """;

    [Fact]
    public async Task A_readable_child_table_without_rls_is_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Items);

        var finding = Assert.Single(report.Of("TG1015"));
        Assert.Equal("public.order_items", finding.Object);
        Assert.Equal("public.orders", finding.Table);
        Assert.Contains("EXISTS (SELECT 1 FROM public.orders p WHERE p.id = order_items.order_id)", finding.Fix);
    }

    [Fact]
    public async Task The_suggested_policy_through_the_parent_clears_the_finding()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Items + """
            ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;
            ALTER TABLE order_items FORCE ROW LEVEL SECURITY;
            CREATE POLICY order_items_via_orders ON order_items TO app_user
                USING (EXISTS (SELECT 1 FROM orders p WHERE p.id = order_items.order_id));
            """);

        Assert.Empty(report.Of("TG1015"));
    }
}
