using System.Diagnostics;
using TenantGuard.Benchmarks.AnalyzerCost;
using TenantGuard.Benchmarks.HarnessCost;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Benchmarks.Rls;
using TenantGuard.Harness.Server;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>A benchmark run: measure the selected parts, write the results JSON, then run the ratio gate.</summary>
public static class BenchmarkRun
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken ct)
    {
        var progress = StderrProgress.Instance;
        var watch = Stopwatch.StartNew();
        var results = new BenchmarkResults
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            RunKind = settings.Quick ? "quick" : "full",
            Machine = MachineInfo.Describe(""),
        };
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);

        if (settings.Rls)
        {
            await using var server = await StartServerAsync(settings, progress, ct);
            results = results with { Machine = MachineInfo.Describe(server.ServerVersion.ToString()) };
            var rls = await RlsOverheadRunner.RunAsync(server, settings.TableSizes, settings.Quick, settings.ArtifactsPath, progress, ct);
            results = results with { Rls = rls.Measurements, RlsBenchmarkDotNet = rls.BenchmarkDotNet, RoundTrips = rls.RoundTrips, Plans = rls.Plans };
            foreach (var m in rls.Measurements.Where(m => RlsModes.FromKey(m.Mode).IsGated()))
            {
                ratios[RatioKeys.Rls(m.Rows, m.Shape, m.Mode)] = m.RatioToBaseline;
            }
        }

        if (settings.Analyzer)
        {
            var analyzer = await AnalyzerCostRunner.RunAsync(settings.AnalyzerFiles, settings.AnalyzerIterations, progress, ct);
            results = results with { Analyzer = analyzer };
            ratios[RatioKeys.AnalyzerAllRules] = analyzer.Ratio;
            progress.Report($"analyzer cost: x{analyzer.Ratio:0.000} ({analyzer.WithRulesMedianMilliseconds:0} ms vs {analyzer.BaselineMedianMilliseconds:0} ms)");
        }

        if (settings.Harness)
        {
            var harness = await HarnessScaleRunner.RunAsync(settings.HarnessSizes, settings.HarnessRepetitions, progress, ct);
            results = results with { Harness = harness };
            foreach (var (key, ratio) in HarnessScaleRunner.Ratios(harness))
            {
                ratios[key] = ratio;
            }
        }

        results = results with { Ratios = ratios };
        await ResultsFile.WriteAsync(settings.OutputPath, results, ct);
        progress.Report($"wrote {settings.OutputPath} after {watch.Elapsed.TotalSeconds:0} s");
        Console.Out.Write(ResultsSummary.Format(results));

        if (settings.BaselinePath is null)
        {
            return 0;
        }

        var report = await CompareVerb.CompareAsync(results, settings.BaselinePath, settings.Threshold, ct);
        Console.Out.Write(report.Format());
        return report.ExitCode;
    }

    private static Task<PostgresServer> StartServerAsync(RunSettings settings, IProgress<string> progress, CancellationToken ct)
    {
        var builder = new PostgresServerBuilder().WithProgress(progress);
        if (settings.ConnectionString is { } connection)
        {
            builder = builder.WithConnectionString(connection);
        }

        return builder.StartAsync(ct);
    }
}
