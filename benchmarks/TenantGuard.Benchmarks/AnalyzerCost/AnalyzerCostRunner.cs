using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>
/// Builds the synthetic project in-process (parse, CompilationWithAnalyzers, emit) with TenantGuard's analyzers and
/// with an empty analyzer as the baseline (as dotnet/roslyn-analyzers' performance tests do), alternating the two so
/// drift on a busy machine hits both alike. Reports the median ratio, the time Roslyn's telemetry attributes to each
/// analyzer, and the diagnostic counts, which must equal the generator's prediction exactly.
/// </summary>
public static class AnalyzerCostRunner
{
    public static async Task<AnalyzerCostResult> RunAsync(
        int files, int iterations, IProgress<string> progress, CancellationToken ct)
    {
        var project = ProjectGenerator.Generate(files);
        var compilation = new SyntheticCompilation(project);
        var rules = TenantGuardAnalyzers.All();
        ImmutableArray<DiagnosticAnalyzer> empty = [new EmptyAnalyzer()];
        progress.Report($"analyzer cost: {project.Sources.Count} files, {rules.Length} analyzers, {iterations} measured pairs");

        // Counts (and a warm JIT): one build with per-analyzer timing switched on, kept out of the timed builds.
        var (actual, perAnalyzer) = await CountWithTelemetryAsync(project, compilation, rules, ct);

        await TimeAsync(compilation, empty, ct);

        var baseline = new List<double>();
        var withRules = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            // Alternate which goes first so neither always runs on a warmer machine.
            if (i % 2 == 0)
            {
                baseline.Add(await TimeAsync(compilation, empty, ct));
                withRules.Add(await TimeAsync(compilation, rules, ct));
            }
            else
            {
                withRules.Add(await TimeAsync(compilation, rules, ct));
                baseline.Add(await TimeAsync(compilation, empty, ct));
            }
        }

        var baselineMedian = Median(baseline);
        var rulesMedian = Median(withRules);
        return new AnalyzerCostResult
        {
            Files = project.Sources.Count,
            Iterations = iterations,
            BaselineMedianMilliseconds = Math.Round(baselineMedian, 1),
            WithRulesMedianMilliseconds = Math.Round(rulesMedian, 1),
            Ratio = Math.Round(rulesMedian / baselineMedian, 4),
            ExpectedDiagnostics = project.ExpectedDiagnostics,
            ActualDiagnostics = actual,
            PerAnalyzer = perAnalyzer,
        };
    }

    private static async Task<(IReadOnlyDictionary<string, int>, IReadOnlyList<AnalyzerTime>)> CountWithTelemetryAsync(
        SyntheticProject project, SyntheticCompilation compilation, ImmutableArray<DiagnosticAnalyzer> rules, CancellationToken ct)
    {
        var run = compilation.WithAnalyzers(rules, logExecutionTime: true);
        var analysis = await run.GetAnalysisResultAsync(ct);
        var actual = CountAndCheck(project, run.Compilation.GetDiagnostics(ct).AddRange(analysis.GetAllDiagnostics()));
        var perAnalyzer = rules
            .Select(a => new AnalyzerTime(
                a.GetType().Name, TenantGuardAnalyzers.RulesOf(a),
                Math.Round(analysis.AnalyzerTelemetryInfo.TryGetValue(a, out var t) ? t.ExecutionTime.TotalMilliseconds : 0, 1)))
            .ToList();
        return (actual, perAnalyzer);
    }

    /// <summary>Counts TenantGuard diagnostics per ID; the synthetic code must compile and match the prediction exactly.</summary>
    public static IReadOnlyDictionary<string, int> CountAndCheck(SyntheticProject project, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new BenchmarkException(
                $"the synthetic project does not compile ({errors.Count} errors), first: {string.Join(" | ", errors.Take(3))}");
        }

        var actual = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in project.ExpectedDiagnostics.Keys)
        {
            actual[id] = 0;
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal)))
        {
            actual[diagnostic.Id] = actual.GetValueOrDefault(diagnostic.Id) + 1;
        }

        var mismatches = actual.Keys.Union(project.ExpectedDiagnostics.Keys)
            .Where(id => actual.GetValueOrDefault(id) != project.ExpectedDiagnostics.GetValueOrDefault(id))
            .Select(id => $"{id}: expected {project.ExpectedDiagnostics.GetValueOrDefault(id)}, got {actual.GetValueOrDefault(id)}")
            .ToList();
        if (mismatches.Count > 0)
        {
            var sample = diagnostics.FirstOrDefault(d => d.Id.StartsWith("TG", StringComparison.Ordinal) &&
                                                         actual.GetValueOrDefault(d.Id) != project.ExpectedDiagnostics.GetValueOrDefault(d.Id));
            throw new BenchmarkException(
                $"the analyzers reported other diagnostics than the synthetic project plants: {string.Join("; ", mismatches)}" +
                (sample is null ? "" : $"; for example {sample}"));
        }

        return actual;
    }

    private static async Task<double> TimeAsync(SyntheticCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken ct)
    {
        // Start every build from a collected heap, so one build does not pay for the previous one's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        await compilation.BuildAsync(analyzers, ct);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
