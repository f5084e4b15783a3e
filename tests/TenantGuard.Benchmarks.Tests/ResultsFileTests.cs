using TenantGuard.Benchmarks.Cli;
using TenantGuard.Benchmarks.Regression;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Tests;

public sealed class ResultsFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tenantguard-bench-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Results_survive_a_round_trip_through_json()
    {
        var results = SampleResults.Create();
        var path = Path.Combine(_folder.FullName, "results.json");

        await ResultsFile.WriteAsync(path, results);
        var read = await ResultsFile.ReadAsync<BenchmarkResults>(path);

        Assert.Equal(results.RunKind, read.RunKind);
        Assert.Equal(results.CreatedUtc, read.CreatedUtc);
        Assert.Equal(results.Machine, read.Machine);
        Assert.Equal(results.Rls, read.Rls);
        Assert.Equal(results.RoundTrips, read.RoundTrips);
        Assert.Equal(results.Plans, read.Plans);
        Assert.Equal(results.Harness.Select(h => (h.Tables, h.LimitMilliseconds, h.CheckRatio, h.Outcome)),
            read.Harness.Select(h => (h.Tables, h.LimitMilliseconds, h.CheckRatio, h.Outcome)));
        Assert.Equal(results.Harness[0].CheckPhasesMilliseconds, read.Harness[0].CheckPhasesMilliseconds);
        Assert.Equal(results.Ratios, read.Ratios);
        Assert.Equal(results.Analyzer!.ActualDiagnostics, read.Analyzer!.ActualDiagnostics);
        Assert.Equal(results.Analyzer.PerAnalyzer, read.Analyzer.PerAnalyzer);
        Assert.Equal(results.Analyzer.Ratio, read.Analyzer.Ratio);
    }

    [Fact]
    public async Task Ratio_keys_are_written_as_they_are()
    {
        var path = Path.Combine(_folder.FullName, "results.json");
        await ResultsFile.WriteAsync(path, SampleResults.Create());

        var json = await File.ReadAllTextAsync(path);

        Assert.Contains("\"rls/100000/point-lookup/rls-policy\": 1.01", json);
        Assert.Contains("\"ratioToBaseline\"", json);
    }

    [Fact]
    public async Task A_malformed_file_is_one_error_naming_the_file_and_line()
    {
        var path = Path.Combine(_folder.FullName, "broken.json");
        await File.WriteAllTextAsync(path, "{\n  \"ratios\": {\n    \"a\": oops\n  }\n}");

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => ResultsFile.ReadAsync<Baseline>(path));

        Assert.StartsWith(path + ":3:", error.Message);
    }

    [Fact]
    public async Task A_missing_file_is_one_error_naming_it()
    {
        var path = Path.Combine(_folder.FullName, "absent.json");

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => ResultsFile.ReadAsync<BenchmarkResults>(path));

        Assert.Equal($"{path}: file not found.", error.Message);
    }

    [Fact]
    public async Task Compare_exits_1_on_a_regression_and_0_when_ratios_hold()
    {
        var results = SampleResults.Create();
        var resultsPath = Path.Combine(_folder.FullName, "results.json");
        var baselinePath = Path.Combine(_folder.FullName, "baseline.json");
        await ResultsFile.WriteAsync(resultsPath, results);
        await BaselineVerb.RunAsync([resultsPath], baselinePath, 0.25, CancellationToken.None);

        Assert.Equal(0, await CompareVerb.RunAsync(resultsPath, baselinePath, null, CancellationToken.None));

        var worse = results with
        {
            Ratios = results.Ratios.ToDictionary(p => p.Key, p => p.Key.EndsWith("/rls-policy", StringComparison.Ordinal) ? p.Value * 1.5 : p.Value),
        };
        await ResultsFile.WriteAsync(resultsPath, worse);
        Assert.Equal(1, await CompareVerb.RunAsync(resultsPath, baselinePath, null, CancellationToken.None));
        Assert.Equal(0, await CompareVerb.RunAsync(resultsPath, baselinePath, 0.6, CancellationToken.None));
    }

    [Fact]
    public async Task The_baseline_keeps_ratios_and_never_times()
    {
        var resultsPath = Path.Combine(_folder.FullName, "results.json");
        var baselinePath = Path.Combine(_folder.FullName, "baseline.json");
        await ResultsFile.WriteAsync(resultsPath, SampleResults.Create());

        await BaselineVerb.RunAsync([resultsPath], baselinePath, 0.3, CancellationToken.None);
        var baseline = await ResultsFile.ReadAsync<Baseline>(baselinePath);

        Assert.Equal(0.3, baseline.Threshold);
        Assert.Equal(
            SampleResults.Create().Ratios.Where(p => p.Value < BaselineVerb.MaxGatedRatio).OrderBy(p => p.Key, StringComparer.Ordinal),
            baseline.Ratios.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.DoesNotContain(baseline.Ratios.Keys, k => k.EndsWith("/non-sargable-policy", StringComparison.Ordinal));
        Assert.DoesNotContain("Microseconds", await File.ReadAllTextAsync(baselinePath), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_baseline_from_several_runs_takes_the_median_of_each_ratio()
    {
        var paths = new List<string>();
        foreach (var (factor, i) in new[] { 1.0, 3.0, 1.2 }.Select((f, i) => (f, i)))
        {
            var results = SampleResults.Create();
            var path = Path.Combine(_folder.FullName, $"run{i}.json");
            await ResultsFile.WriteAsync(path, results with { Ratios = results.Ratios.ToDictionary(p => p.Key, p => p.Value * factor) });
            paths.Add(path);
        }

        var baselinePath = Path.Combine(_folder.FullName, "baseline.json");
        await BaselineVerb.RunAsync(paths, baselinePath, 0.25, CancellationToken.None);
        var baseline = await ResultsFile.ReadAsync<Baseline>(baselinePath);

        Assert.Equal(1.212, baseline.Ratios["rls/100000/point-lookup/rls-policy"], 6);   // median of 1.01, 3.03, 1.212
        Assert.StartsWith("median of 3 quick run(s)", baseline.Source);
    }
}
