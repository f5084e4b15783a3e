using TenantGuard.Benchmarks.Results;
using TenantGuard.Benchmarks.Rls;
using TenantGuard.Harness.Bench.Charts;

namespace TenantGuard.Benchmarks.Charts;

/// <summary>
/// The RLS overhead matrix (ratio to the explicit-filter baseline, per query shape and policy mode) as a PNG, drawn by
/// the harness's <see cref="RatioChart"/> (the chart tenantguard bench draws).
/// </summary>
public static class OverheadChart
{
    public const string DefaultPath = "docs/images/rls-overhead.png";

    public static void Render(BenchmarkResults results, string path, long? rows = null)
    {
        var measured = results.Rls.Where(m => m.Mode != RlsMode.ExplicitFilter.Key()).ToList();
        if (measured.Count == 0)
        {
            throw new BenchmarkException("the results hold no RLS measurements to chart; run the benchmarks first.");
        }

        var size = rows ?? measured.Max(m => m.Rows);
        measured = measured.Where(m => m.Rows == size).ToList();
        if (measured.Count == 0)
        {
            throw new BenchmarkException($"the results hold no RLS measurements at {size:N0} rows.");
        }

        var shapes = QueryShapes.All.Select(s => s.Key()).Where(k => measured.Any(m => m.Shape == k)).ToList();
        var series = RlsModes.All.Where(m => m != RlsMode.ExplicitFilter)
            .Select(mode => new RatioSeries(mode.Title(), shapes
                .Select(shape => measured.FirstOrDefault(m => m.Shape == shape && m.Mode == mode.Key())?.RatioToBaseline)
                .ToList()))
            .ToList();

        RatioChart.Render(
            $"RLS cost per request, ratio to the explicit WHERE tenant_id filter ({size:N0} rows)",
            "ratio to explicit filter (log scale)",
            shapes.Select(k => QueryShapes.FromKey(k).Title()).ToList(), series, path);
    }
}
