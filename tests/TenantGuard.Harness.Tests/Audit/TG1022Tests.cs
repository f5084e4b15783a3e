using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1022Tests(PostgresServerFixture fixture)
{
    private static readonly string Orders = Schemas.CorrectOrders;

    [Fact]
    public async Task A_function_that_sets_the_tenant_for_the_session_is_reported()
    {
        var report = await fixture.AuditAsync(Orders + """
            CREATE FUNCTION set_tenant(p uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM set_config('app.tenant_id', p::text, false);
            END $$;
            CREATE FUNCTION set_tenant_sql(p uuid) RETURNS text LANGUAGE sql AS $$ SELECT set_config('app.tenant_id', p::text, 'off') $$;
            CREATE FUNCTION set_tenant_dynamic(p uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF p IS NOT NULL THEN SET app.tenant_id = 'x'; END IF;
                EXECUTE 'SET SESSION app.tenant_id TO ''y''';
            END $$;
            """);

        var findings = report.Of("TG1022");
        Assert.Equal(["public.set_tenant(uuid)", "public.set_tenant_dynamic(uuid)", "public.set_tenant_sql(uuid)"],
            findings.Select(f => f.Object).Order(StringComparer.Ordinal).ToArray());
        var plpgsql = findings.Single(f => f.Object == "public.set_tenant(uuid)");
        Assert.Contains("set_config('app.tenant_id', p::text, false)", plpgsql.Evidence);
        Assert.Contains("set_config('app.tenant_id', <value>, true)", plpgsql.Fix);
    }

    [Fact]
    public async Task Transaction_local_writes_other_settings_and_functions_the_app_cannot_call_are_not_reported()
    {
        var report = await fixture.AuditAsync(Orders + """
            CREATE FUNCTION set_tenant_local(p uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM set_config('app.tenant_id', p::text, true);
                SET LOCAL app.tenant_id = 'x';
                PERFORM set_config('app.trace_id', p::text, false);
            END $$;
            CREATE FUNCTION set_tenant_admin(p uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN PERFORM set_config('app.tenant_id', p::text, false); END $$;
            REVOKE EXECUTE ON FUNCTION set_tenant_admin(uuid) FROM PUBLIC;
            -- set_config(…, false) in a comment is not a call
            """);

        Assert.Empty(report.Of("TG1022"));
    }
}
