using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>Migrates SQL into a database of its own on the shared server and audits it.</summary>
internal static class AuditScenario
{
    public static async Task<Report> AuditAsync(
        this PostgresServerFixture fixture, string sql, Action<TenantDatabaseBuilder>? configure = null, AuditOptions? options = null)
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = sql }, configure);
        await using (template)
        await using (database)
            return await IsolationAudit.RunAsync(database, options);
    }

    public static IReadOnlyList<Finding> Of(this Report report, string rule) =>
        report.Findings.Where(f => f.Rule == rule).ToList();

    public static string Describe(this Report report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Rule} {f.Object}: {f.Message}"));
}
