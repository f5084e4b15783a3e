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
    public async Task A_definer_membership_check_that_asks_who_is_calling_is_not_reported()
    {
        // The shape of a hosted-auth membership helper: SECURITY DEFINER to read the membership table past its own
        // policies, bound to the caller through a function that reads the session's user.
        var report = await fixture.AuditAsync(NotForced + """
            CREATE SCHEMA identity;
            CREATE FUNCTION identity.user_id() RETURNS uuid LANGUAGE sql STABLE
                AS $$ SELECT nullif(current_setting('request.user_id', true), '')::uuid $$;
            CREATE TABLE members (tenant_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (tenant_id, user_id));
            CREATE FUNCTION is_member(tenant uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
                AS $$ SELECT EXISTS (SELECT 1 FROM members m WHERE m.tenant_id = tenant AND m.user_id = identity.user_id()) $$;
            CREATE FUNCTION my_orders(tenant uuid) RETURNS SETOF orders LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
                AS $$ BEGIN IF NOT is_member(tenant) THEN RAISE EXCEPTION 'not a member'; END IF;
                      RETURN QUERY SELECT * FROM orders WHERE tenant_id = tenant; END $$;
            -- A comment naming orders is not a use of it.
            CREATE FUNCTION version_note() RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = public
                AS $$ SELECT 'orders are versioned' /* orders */ $$;
            """);

        Assert.Empty(report.Of("TG1010"));
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
