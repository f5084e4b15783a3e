using TenantGuard.Benchmarks.Regression;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>
/// `baseline`: keeps the ratios (never the times) of one or more results files as the new committed baseline. With
/// several runs each ratio is their median, so one noisy run does not set the bar. Ratios of 10x and more are left
/// out: they compare a full scan (a broken policy) with a round trip, and that quotient follows the machine's load
/// (24x to 54x for the same case on the same machine), while the regressions worth gating are policies that should
/// cost ~1x and the analyzers.
/// </summary>
public static class BaselineVerb
{
    public const double MaxGatedRatio = 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> resultsPaths, string outputPath, double threshold, CancellationToken ct)
    {
        if (resultsPaths.Count == 0)
        {
            throw new BenchmarkException("name at least one results file to take the baseline from.");
        }

        var runs = new List<BenchmarkResults>();
        foreach (var path in resultsPaths)
        {
            var results = await ResultsFile.ReadAsync<BenchmarkResults>(path, ct);
            runs.Add(results.Ratios.Count > 0 ? results : throw new BenchmarkException($"{path}: the results hold no ratios to keep."));
        }

        var ratios = runs.SelectMany(r => r.Ratios)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Round(Median(g.Select(p => p.Value).ToList()), 4), StringComparer.Ordinal);
        var ungated = ratios.Where(p => p.Value >= MaxGatedRatio).Select(p => p.Key).ToList();
        foreach (var key in ungated)
        {
            ratios.Remove(key);
        }

        var first = runs[0];
        var baseline = new Baseline
        {
            Source = $"median of {runs.Count} {first.RunKind} run(s) from {first.CreatedUtc:yyyy-MM-dd HH:mm} UTC on {first.Machine}",
            Threshold = threshold,
            Ratios = new SortedDictionary<string, double>(ratios, StringComparer.Ordinal),
        };
        await ResultsFile.WriteAsync(outputPath, baseline, ct);
        await Console.Error.WriteLineAsync(
            $"wrote {outputPath} ({baseline.Ratios.Count} ratios from {runs.Count} run(s); {ungated.Count} ratios of {MaxGatedRatio}x or more reported, not gated)");
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
