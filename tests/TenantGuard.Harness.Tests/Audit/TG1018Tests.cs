using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1018Tests(PostgresServerFixture fixture)
{
    private const string Measurements = """
        CREATE TABLE measurements (tenant_id uuid NOT NULL, taken_at date NOT NULL, value real) PARTITION BY RANGE (taken_at);
        CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE INDEX ON measurements (tenant_id, taken_at);
        ALTER TABLE measurements ENABLE ROW LEVEL SECURITY;
        ALTER TABLE measurements FORCE ROW LEVEL SECURITY;
        CREATE POLICY measurements_tenant ON measurements USING (tenant_id = current_setting('app.tenant_id')::uuid);
        GRANT SELECT, INSERT ON measurements TO app_user;

        """;

    [Fact]
    public async Task A_partition_the_app_role_can_query_directly_is_reported()
    {
        var report = await fixture.AuditAsync(Measurements + "GRANT SELECT ON measurements_2026 TO app_user;");

        var finding = Assert.Single(report.Of("TG1018"));
        Assert.Equal("public.measurements_2026", finding.Object);
        Assert.Equal("public.measurements", finding.Table);
        Assert.StartsWith("REVOKE ALL ON public.measurements_2026 FROM app_user, PUBLIC;", finding.Fix);
        Assert.Empty(report.Of("TG1001"));
    }

    [Fact]
    public async Task Partitions_reached_only_through_the_parent_are_not_reported()
    {
        var report = await fixture.AuditAsync(Measurements);

        Assert.True(report.Findings.Count == 0, report.Describe());
    }
}
