using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>TG1010 (SECURITY DEFINER reaching tenant tables) and TG1019 (SECURITY DEFINER without search_path).</summary>
[Collection("postgres")]
public sealed class TG1010AndTG1019Tests(PostgresServerFixture fixture)
{
    private static readonly string NotForced = Schemas.CorrectOrders.Replace("ALTER TABLE orders FORCE ROW LEVEL SECURITY;", "", StringComparison.Ordinal);

    [Fact]
    public async Task A_definer_function_over_a_tenant_table_without_search_path_is_reported_by_both_rules()
    {
        var report = await fixture.AuditAsync(NotForced + """
            CREATE FUNCTION count_orders() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$ SELECT count(*) FROM orders $$;
            """);

        var definer = Assert.Single(report.Of("TG1010"));
        Assert.Equal("public.count_orders()", definer.Object);
        Assert.Contains("ALTER FUNCTION public.count_orders() SECURITY INVOKER;", definer.Fix);
        Assert.Equal("public.orders", definer.Table);
        var searchPath = Assert.Single(report.Of("TG1019"));
        Assert.Equal("ALTER FUNCTION public.count_orders() SET search_path = pg_catalog, public;", searchPath.Fix);
    }

    [Fact]
    public async Task A_definer_function_the_app_role_cannot_execute_is_not_reported()
    {
        var report = await fixture.AuditAsync(NotForced + """
            CREATE FUNCTION count_orders() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public
                AS $$ SELECT count(*) FROM orders $$;
            REVOKE EXECUTE ON FUNCTION count_orders() FROM PUBLIC;
            """);

        Assert.Empty(report.Of("TG1010"));
        Assert.Empty(report.Of("TG1019"));
    }

    [Fact]
    public async Task An_invoker_function_with_a_fixed_search_path_is_not_reported()
    {
        var report = await fixture.AuditAsync(NotForced + """
            CREATE FUNCTION count_orders() RETURNS bigint LANGUAGE sql SET search_path = public AS $$ SELECT count(*) FROM orders $$;
            """);

        Assert.Empty(report.Of("TG1010"));
        Assert.Empty(report.Of("TG1019"));
    }
}
