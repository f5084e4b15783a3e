using TenantGuard.Benchmarks.Regression;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>`compare`: the ratio gate over a results file; prints the table and returns 0 (held) or 1 (regressed).</summary>
public static class CompareVerb
{
    public static async Task<int> RunAsync(string resultsPath, string baselinePath, double? threshold, CancellationToken ct)
    {
        var results = await ResultsFile.ReadAsync<BenchmarkResults>(resultsPath, ct);
        var report = await CompareAsync(results, baselinePath, threshold, ct);
        Console.Out.Write(report.Format());
        return report.ExitCode;
    }

    public static async Task<GateReport> CompareAsync(BenchmarkResults results, string baselinePath, double? threshold, CancellationToken ct)
    {
        var baseline = await ResultsFile.ReadAsync<Baseline>(baselinePath, ct);
        if (baseline.Ratios.Count == 0)
        {
            throw new BenchmarkException($"{baselinePath}: the baseline holds no ratios.");
        }

        return RatioGate.Compare(baseline.Ratios, results.Ratios, threshold ?? baseline.Threshold);
    }
}
