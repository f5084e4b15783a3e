using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class CleanSchemaTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_correct_schema_has_no_findings()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + Schemas.CorrectOrderLines);

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.Equal(0, report.ExitCode);
        Assert.Equal("app.tenant_id", report.Facts["tenantSetting"]);
        Assert.Equal("2", report.Facts["tenantTables"]);
        Assert.Equal(AuditRules.All.Count, report.Rules.Count);
    }

    [Fact]
    public async Task The_audit_reads_the_tenant_column_it_is_given()
    {
        var sql = Schemas.CorrectOrders.Replace("tenant_id", "team_id", StringComparison.Ordinal);

        var report = await fixture.AuditAsync(sql, b => b.WithTenantColumn("team_id"));

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.Equal("team_id", report.Facts["tenantColumn"]);
        Assert.Equal("1", report.Facts["tenantTables"]);
    }
}
