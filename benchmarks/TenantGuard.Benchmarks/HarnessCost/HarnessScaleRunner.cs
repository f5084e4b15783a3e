using System.Diagnostics;
using System.Globalization;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Benchmarks.HarnessCost;

/// <summary>
/// What `tenantguard audit` and `tenantguard check` cost as a schema grows (10, 200, 1,000 tenant tables), each phase
/// and the whole, divided by the <see cref="PhysicalLimit"/> for the same schema measured in the same run. The three
/// are sampled interleaved (limit, audit, check, limit, …) so load that comes and goes hits them alike; medians.
/// </summary>
public static class HarnessScaleRunner
{
    public static async Task<IReadOnlyList<HarnessScaleMeasurement>> RunAsync(
        IReadOnlyList<int> sizes, int repetitions, IProgress<string> progress, CancellationToken ct)
    {
        var measurements = new List<HarnessScaleMeasurement>();
        foreach (var tables in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("tenantguard-bench-schema-");
            try
            {
                SyntheticSchema.Write(folder.FullName, tables);
                await CheckAsync(folder.FullName, ct); // warm-up: the initdb cache, the JIT
                var limit = new List<double>();
                var audit = new List<Run>();
                var check = new List<Run>();
                for (var i = 0; i < repetitions; i++)
                {
                    limit.Add(await PhysicalLimit.MeasureAsync(folder.FullName, ct));
                    audit.Add(await AuditAsync(folder.FullName, ct));
                    check.Add(await CheckAsync(folder.FullName, ct));
                }

                var measurement = Summarise(tables, repetitions, limit, audit, check);
                progress.Report(string.Create(CultureInfo.InvariantCulture,
                    $"harness at {tables} tables: limit {measurement.LimitMilliseconds:0} ms, audit {measurement.AuditMilliseconds:0} ms " +
                    $"(x{measurement.AuditRatio:0.00}), check {measurement.CheckMilliseconds:0} ms (x{measurement.CheckRatio:0.00}); {measurement.Outcome}"));
                measurements.Add(measurement);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        return measurements;
    }

    /// <summary>Ratio keys for the gate: each size's audit and check against the limit, and, with three sizes or
    /// more, how the cost per table of the last step compares with the first (1 = linear).</summary>
    public static IEnumerable<KeyValuePair<string, double>> Ratios(IReadOnlyList<HarnessScaleMeasurement> measurements)
    {
        foreach (var m in measurements)
        {
            yield return new(RatioKeys.Harness(m.Tables, "audit"), m.AuditRatio);
            yield return new(RatioKeys.Harness(m.Tables, "check"), m.CheckRatio);
        }

        if (measurements.Count >= 3)
        {
            yield return new(RatioKeys.HarnessLinearity, Linearity(measurements, m => m.CheckMilliseconds));
            yield return new(RatioKeys.LimitLinearity, Linearity(measurements, m => m.LimitMilliseconds));
            yield return new(RatioKeys.OverheadLinearity, Linearity(measurements, m => m.CheckMilliseconds - m.LimitMilliseconds));
        }
    }

    /// <summary>Check's cost per added table from the second-largest to the largest size, over the same from the
    /// smallest to the second size.</summary>
    public static double Linearity(IReadOnlyList<HarnessScaleMeasurement> measurements) => Linearity(measurements, m => m.CheckMilliseconds);

    /// <summary>A cost's growth per added table from the second-largest to the largest size, over the same from the
    /// smallest to the second size (1 = linear).</summary>
    public static double Linearity(IReadOnlyList<HarnessScaleMeasurement> measurements, Func<HarnessScaleMeasurement, double> cost)
    {
        var sorted = measurements.OrderBy(m => m.Tables).ToList();
        double PerTable(HarnessScaleMeasurement a, HarnessScaleMeasurement b) => (cost(b) - cost(a)) / (b.Tables - a.Tables);
        return Math.Round(PerTable(sorted[^2], sorted[^1]) / PerTable(sorted[0], sorted[1]), 3);
    }

    private sealed record Run(double Milliseconds, IReadOnlyDictionary<string, double> Phases, string Outcome);

    private static async Task<Run> AuditAsync(string migrations, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var environment = await new TenantIsolationEnvironmentBuilder().WithMigrations(migrations).StartAsync(ct);
        var audit = await Phase(() => environment.AuditAsync(ct: ct));
        var stop = await Phase(async () => { await environment.DisposeAsync(); return 0; });
        return new Run(watch.Elapsed.TotalMilliseconds, new Dictionary<string, double>
        {
            ["start"] = environment.Timings.Start.TotalMilliseconds,
            ["migrate"] = environment.Timings.Migrate.TotalMilliseconds,
            ["audit"] = audit.Milliseconds,
            ["stop"] = stop.Milliseconds,
        }, Describe(audit.Value));
    }

    private static async Task<Run> CheckAsync(string migrations, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var environment = await new TenantIsolationEnvironmentBuilder().WithMigrations(migrations).StartAsync(ct);
        var audit = await Phase(() => environment.AuditAsync(ct: ct));
        var attack = await Phase(() => environment.AttackAsync(new VerifyOptions(), ct));
        var stop = await Phase(async () => { await environment.DisposeAsync(); return 0; });
        var facts = attack.Value.Facts;
        return new Run(watch.Elapsed.TotalMilliseconds, new Dictionary<string, double>
        {
            ["start"] = environment.Timings.Start.TotalMilliseconds,
            ["migrate"] = environment.Timings.Migrate.TotalMilliseconds,
            ["audit"] = audit.Milliseconds,
            ["seed"] = double.Parse(facts["seedMs"], CultureInfo.InvariantCulture),
            ["attack"] = double.Parse(facts["attackMs"], CultureInfo.InvariantCulture),
            ["stop"] = stop.Milliseconds,
        }, $"audit {Describe(audit.Value)}; attacks {Describe(attack.Value)}, {facts["controlsPassed"]} controls passed");
    }

    private static async Task<(T Value, double Milliseconds)> Phase<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var value = await work();
        return (value, watch.Elapsed.TotalMilliseconds);
    }

    private static HarnessScaleMeasurement Summarise(int tables, int repetitions, List<double> limit, List<Run> audit, List<Run> check)
    {
        var limitMs = Median(limit);
        var auditMs = Median(audit.Select(r => r.Milliseconds));
        var checkMs = Median(check.Select(r => r.Milliseconds));
        var phases = check[0].Phases.Keys.ToDictionary(k => k, k => Math.Round(Median(check.Select(r => r.Phases[k])), 1));
        return new HarnessScaleMeasurement(tables, repetitions, Math.Round(limitMs, 1), Math.Round(auditMs, 1), Math.Round(checkMs, 1),
            Math.Round(auditMs / limitMs, 3), Math.Round(checkMs / limitMs, 3), phases, check[^1].Outcome);
    }

    private static string Describe(Report report) => $"{report.Findings.Count} findings, exit {report.ExitCode}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
