using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1007Tests(PostgresServerFixture fixture)
{
    private const string Events = """
        CREATE TABLE events (id serial PRIMARY KEY, tenant_id uuid NOT NULL, happened_at timestamptz NOT NULL);
        {0}
        ALTER TABLE events ENABLE ROW LEVEL SECURITY;
        ALTER TABLE events FORCE ROW LEVEL SECURITY;
        CREATE POLICY events_tenant ON events USING (tenant_id = current_setting('app.tenant_id')::uuid);
        GRANT SELECT ON events TO app_user;
        """;

    [Fact]
    public async Task A_table_whose_indexes_do_not_start_with_the_tenant_column_is_reported()
    {
        var report = await fixture.AuditAsync(string.Format(Events, "CREATE INDEX ON events (happened_at, tenant_id);"));

        var finding = Assert.Single(report.Of("TG1007"));
        Assert.Equal("public.events", finding.Object);
        Assert.Equal("CREATE INDEX ON public.events (tenant_id);", finding.Fix);
    }

    [Fact]
    public async Task An_index_leading_with_the_tenant_column_satisfies_the_rule()
    {
        var report = await fixture.AuditAsync(string.Format(Events, "CREATE INDEX ON events (tenant_id, happened_at);"));

        Assert.Empty(report.Of("TG1007"));
    }
}
