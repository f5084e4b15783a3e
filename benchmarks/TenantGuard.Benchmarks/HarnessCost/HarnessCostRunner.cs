using System.Diagnostics;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Benchmarks.HarnessCost;

/// <summary>
/// What `tenantguard audit` and `tenantguard verify` cost end to end: start a server, migrate, then audit or attack,
/// on the sample app's schema and on a synthetic 20-table schema. Wall-clock medians; reported, never gated (the
/// absolute times depend on the machine, and there is no same-run baseline to divide by).
/// </summary>
public static class HarnessCostRunner
{
    public const int SyntheticTables = 20;

    private enum Check { Audit, Verify }

    public static async Task<IReadOnlyList<HarnessCostMeasurement>> RunAsync(
        string? connectionString, string sampleMigrations, int repetitions, IProgress<string> progress, CancellationToken ct)
    {
        var synthetic = Directory.CreateTempSubdirectory("tenantguard-bench-schema-");
        try
        {
            SyntheticSchema.Write(synthetic.FullName, SyntheticTables);
            var schemas = new List<(string Name, string Folder, int Tables)>();
            if (Directory.Exists(sampleMigrations))
            {
                schemas.Add(("sample app", sampleMigrations, -1));
            }
            else
            {
                progress.Report($"harness cost: {sampleMigrations} not found; measuring the synthetic schema only");
            }

            schemas.Add(($"synthetic {SyntheticTables}-table", synthetic.FullName, SyntheticTables + 1));

            var measurements = new List<HarnessCostMeasurement>();
            foreach (var (name, folder, tables) in schemas)
            {
                foreach (var check in new[] { Check.Audit, Check.Verify })
                {
                    var times = new List<double>();
                    string? outcome = null;
                    int tableCount = tables;
                    for (var i = 0; i < repetitions; i++)
                    {
                        (var elapsed, outcome, tableCount) = await MeasureAsync(connectionString, folder, check, tables, ct);
                        times.Add(elapsed);
                    }

                    var scenario = $"start + migrate + {check.ToString().ToLowerInvariant()}";
                    progress.Report($"harness cost: {scenario} on {name}: {Median(times):0} ms ({outcome})");
                    measurements.Add(new HarnessCostMeasurement(scenario, name, tableCount, repetitions, Math.Round(Median(times), 0), outcome));
                }
            }

            return measurements;
        }
        finally
        {
            synthetic.Delete(recursive: true);
        }
    }

    private static async Task<(double Milliseconds, string Outcome, int Tables)> MeasureAsync(
        string? connectionString, string migrations, Check check, int tables, CancellationToken ct)
    {
        var waivers = await WaiverFile.LoadForMigrationsAsync(migrations, ct);
        var watch = Stopwatch.StartNew();
        var builder = new PostgresServerBuilder();
        if (connectionString is not null)
        {
            builder = builder.WithConnectionString(connectionString);
        }

        await using var server = await builder.StartAsync(ct);
        await using var template = await new TenantDatabaseBuilder(server).WithMigrations(migrations).BuildTemplateAsync(ct);
        await using var database = await template.CreateDatabaseAsync(ct);
        var report = check == Check.Audit
            ? await IsolationAudit.RunAsync(database, new AuditOptions { Waivers = waivers }, ct)
            : await IsolationAttack.RunAsync(database, new VerifyOptions { Waivers = waivers }, ct);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return (elapsed, Describe(report), tables > 0 ? tables : await CountTablesAsync(database, ct));
    }

    private static string Describe(Report report) =>
        $"{report.Findings.Count} findings, {report.Waived.Count} waived, exit {report.ExitCode}";

    private static async Task<int> CountTablesAsync(TenantDatabase database, CancellationToken ct)
    {
        await using var command = database.OwnerDataSource.CreateCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
