using System.CommandLine;
using TenantGuard.Benchmarks.Regression;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>
/// The verbs: (none) runs the benchmarks — `--quick` is the CI job —, `compare` gates a results file against the
/// baseline, `chart` renders the overhead matrix, `baseline` turns a results file into a new baseline.
/// </summary>
public static class BenchmarkCommandLine
{
    public static RootCommand Create()
    {
        var quick = new Option<bool>("--quick") { Description = "The CI job: 10^5 rows, short iterations, then the ratio gate (exit 1 on a regression)." };
        var rows = new Option<long[]>("--rows") { Description = "Table sizes for the RLS matrix (default 100000 and 1000000; add 10000000 for 10^7).", AllowMultipleArgumentsPerToken = true };
        var tables = new Option<int[]>("--tables") { Description = "Schema sizes for the harness scaling run (default 10, 200 and 1000 tenant tables; quick: 10 and 200).", AllowMultipleArgumentsPerToken = true };
        var only = new Option<string[]>("--only") { Description = "Run only these parts: rls, analyzer, harness.", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong("rls", "analyzer", "harness");
        var output = new Option<string>("--output") { Description = "Where the results JSON goes.", DefaultValueFactory = _ => RepositoryPaths.Results };
        var connection = new Option<string?>("--connection") { Description = "Run against an existing PostgreSQL server instead of an embedded one." };
        var baseline = BaselineOption();
        var threshold = ThresholdOption();
        var noCompare = new Option<bool>("--no-compare") { Description = "Write the results without running the ratio gate." };

        var root = new RootCommand("TenantGuard benchmarks: RLS overhead matrix, analyzer cost, harness cost, and the ratio gate.")
        {
            quick, rows, tables, only, output, connection, baseline, threshold, noCompare,
            CompareCommand(), ChartCommand(), BaselineCommand(),
        };
        root.SetAction((parse, ct) =>
        {
            var settings = RunSettings.For(parse.GetValue(quick));
            var parts = parse.GetValue(only) ?? [];
            settings = settings with
            {
                TableSizes = parse.GetValue(rows) is { Length: > 0 } sizes ? sizes : settings.TableSizes,
                HarnessSizes = parse.GetValue(tables) is { Length: > 0 } schemaSizes ? schemaSizes : settings.HarnessSizes,
                Rls = parts.Length == 0 || parts.Contains("rls"),
                Analyzer = parts.Length == 0 || parts.Contains("analyzer"),
                Harness = parts.Length == 0 || parts.Contains("harness"),
                OutputPath = parse.GetValue(output)!,
                ConnectionString = parse.GetValue(connection),
                BaselinePath = parse.GetValue(noCompare) ? null : parse.GetValue(baseline),
                Threshold = parse.GetValue(threshold),
            };
            return ConsoleErrors.RunAsync(() => BenchmarkRun.RunAsync(settings, ct));
        });
        return root;
    }

    private static Command CompareCommand()
    {
        var results = new Argument<string>("results") { Description = "A results JSON written by a benchmark run." };
        var baseline = BaselineOption();
        var threshold = ThresholdOption();
        var command = new Command("compare", "Fail (exit 1) when a ratio is worse than the baseline by more than the threshold.")
        {
            results, baseline, threshold,
        };
        command.SetAction((parse, ct) => ConsoleErrors.RunAsync(() =>
            CompareVerb.RunAsync(parse.GetValue(results)!, parse.GetValue(baseline)!, parse.GetValue(threshold), ct)));
        return command;
    }

    private static Command ChartCommand()
    {
        var results = new Argument<string>("results") { Description = "A results JSON.", DefaultValueFactory = _ => RepositoryPaths.Results };
        var output = new Option<string>("--output") { Description = "The PNG to write.", DefaultValueFactory = _ => RepositoryPaths.Chart };
        var rows = new Option<long?>("--rows") { Description = "Which table size to chart (default: the largest measured)." };
        var command = new Command("chart", "Render the RLS overhead matrix as a PNG (docs/images/rls-overhead.png).") { results, output, rows };
        command.SetAction((parse, ct) => ConsoleErrors.RunAsync(() =>
            ChartVerb.RunAsync(parse.GetValue(results)!, parse.GetValue(output)!, parse.GetValue(rows), ct)));
        return command;
    }

    private static Command BaselineCommand()
    {
        var results = new Argument<string[]>("results") { Description = "Results JSON files; each ratio of the baseline is their median.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "The baseline to write.", DefaultValueFactory = _ => RepositoryPaths.Baseline };
        var threshold = new Option<double>("--threshold") { Description = "The threshold stored in the baseline.", DefaultValueFactory = _ => Baseline.DefaultThreshold };
        var command = new Command("baseline", "Write a new baseline of ratios from one or more results files.") { results, output, threshold };
        command.SetAction((parse, ct) => ConsoleErrors.RunAsync(() =>
            BaselineVerb.RunAsync(parse.GetValue(results)!, parse.GetValue(output)!, parse.GetValue(threshold), ct)));
        return command;
    }

    private static Option<string> BaselineOption() => new("--baseline")
    {
        Description = "The committed baseline of ratios.",
        DefaultValueFactory = _ => RepositoryPaths.Baseline,
    };

    private static Option<double?> ThresholdOption() => new("--threshold")
    {
        Description = $"Relative worsening tolerated per ratio (default: the baseline's, {Baseline.DefaultThreshold}).",
    };
}
