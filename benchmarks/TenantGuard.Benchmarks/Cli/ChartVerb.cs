using TenantGuard.Benchmarks.Charts;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>`chart`: renders the overhead matrix of a results file.</summary>
public static class ChartVerb
{
    public static async Task<int> RunAsync(string resultsPath, string outputPath, long? rows, CancellationToken ct)
    {
        var results = await ResultsFile.ReadAsync<BenchmarkResults>(resultsPath, ct);
        OverheadChart.Render(results, outputPath, rows);
        await Console.Error.WriteLineAsync($"wrote {outputPath}");
        return 0;
    }
}
