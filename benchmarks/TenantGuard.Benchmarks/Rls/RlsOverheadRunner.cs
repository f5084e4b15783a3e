using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Server;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// Loads each table size once and measures it: the paired, interleaved sampler gives the matrix and the gated ratios
/// (quick and full runs); the full run also runs the same requests through BenchmarkDotNet, for its per-case
/// statistics and the tenant-setting round trips.
/// </summary>
public static class RlsOverheadRunner
{
    public sealed record Outcome(
        IReadOnlyList<RlsMeasurement> Measurements, IReadOnlyList<RoundTripMeasurement> RoundTrips,
        IReadOnlyList<RlsMeasurement> BenchmarkDotNet, IReadOnlyList<QueryPlan> Plans);

    public static async Task<Outcome> RunAsync(
        PostgresServer server, IReadOnlyList<long> tableSizes, bool quick, string artifactsPath,
        IProgress<string> progress, CancellationToken ct)
    {
        var measurements = new List<RlsMeasurement>();
        var benchmarkDotNet = new List<RlsMeasurement>();
        var roundTrips = new List<RoundTripMeasurement>();
        var plans = new List<QueryPlan>();
        var config = RlsBenchmarkJob.Create(quick, artifactsPath);

        await using var template = await RlsTemplate.BuildAsync(server, progress, ct);
        foreach (var rows in tableSizes)
        {
            await using var data = await RlsDataSet.CreateAsync(template, rows, progress, ct);
            plans.AddRange(await PlanCollector.CollectAsync(data, ct));
            progress.Report($"measuring {QueryShapes.All.Count} shapes x {RlsModes.All.Count} modes at {rows:N0} rows, interleaved");
            measurements.AddRange(await RlsMatrixSampler.MeasureAsync(data, quick ? SamplerSettings.Quick : SamplerSettings.Full, progress, ct));

            RlsBenchmarkContext.Current = data;
            try
            {
                roundTrips.AddRange(ReadRoundTrips(BenchmarkRunner.Run<TenantSettingBenchmarks>(config), rows));
                if (!quick)
                {
                    progress.Report($"measuring the same matrix with BenchmarkDotNet at {rows:N0} rows");
                    benchmarkDotNet.AddRange(ReadOverhead(BenchmarkRunner.Run<RlsOverheadBenchmarks>(config), rows));
                }
            }
            finally
            {
                RlsBenchmarkContext.Clear();
            }
        }

        return new Outcome(measurements, roundTrips, benchmarkDotNet, plans);
    }

    private static IEnumerable<RlsMeasurement> ReadOverhead(Summary summary, long rows)
    {
        var cases = Successful(summary)
            .Select(r => (
                Shape: (QueryShape)r.BenchmarkCase.Parameters["Shape"],
                Mode: Enum.Parse<RlsMode>(r.BenchmarkCase.Descriptor.WorkloadMethod.Name),
                Stats: r.ResultStatistics!))
            .ToList();

        foreach (var shapeCases in cases.GroupBy(c => c.Shape).OrderBy(g => g.Key))
        {
            var baseline = shapeCases.Single(c => c.Mode == RlsMode.ExplicitFilter).Stats.Median;
            foreach (var (shape, mode, stats) in shapeCases.OrderBy(c => c.Mode))
            {
                yield return new RlsMeasurement(
                    rows, shape.Key(), mode.Key(), Math.Round(stats.Median / 1000, 2), Math.Round(stats.Mean / 1000, 2),
                    Math.Round(stats.StandardDeviation / 1000, 2), Math.Round(stats.Median / baseline, 4));
            }
        }
    }

    private static IEnumerable<RoundTripMeasurement> ReadRoundTrips(Summary summary, long rows) =>
        Successful(summary).Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name switch
        {
            nameof(TenantSettingBenchmarks.SetTenant) => new RoundTripMeasurement(
                rows, "set-tenant", "open + BEGIN + set_config(..., true) + COMMIT", Math.Round(r.ResultStatistics!.Median / 1000, 2)),
            _ => new RoundTripMeasurement(
                rows, "select-one", "open + SELECT 1 (one round trip)", Math.Round(r.ResultStatistics!.Median / 1000, 2)),
        });

    private static IReadOnlyList<BenchmarkReport> Successful(Summary summary)
    {
        var failed = summary.Reports.Where(r => !r.Success || r.ResultStatistics is null).ToList();
        if (summary.HasCriticalValidationErrors || failed.Count > 0 || summary.Reports.Length == 0)
        {
            var names = string.Join(", ", failed.Select(r => r.BenchmarkCase.DisplayInfo));
            var errors = string.Join("; ", summary.ValidationErrors.Select(e => e.Message));
            throw new BenchmarkException($"{summary.Title}: benchmark cases failed ({names}) {errors}; see the log above.");
        }

        return summary.Reports;
    }
}
