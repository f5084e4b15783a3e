using System.CommandLine;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Bench.Seeding;

namespace TenantGuard.Cli;

/// <summary>The options only bench takes: the data's size and spread, the team's queries, the baseline, the chart.</summary>
internal sealed class BenchCommandOptions
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public Option<long> Rows { get; } = Checked(new Option<long>("--rows")
    {
        Description = "Rows per tenant table (a table keyed by the tenant alone gets one per tenant).",
        DefaultValueFactory = _ => BenchDataShape.DefaultRows,
    }, (long value) => value is >= 1 and <= 100_000_000, "must be between 1 and 100,000,000");

    public Option<int> Tenants { get; } = Checked(new Option<int>("--tenants")
    {
        Description = "Tenants the rows are spread over.",
        DefaultValueFactory = _ => BenchDataShape.DefaultTenants,
    }, (int value) => value is >= 2 and <= 1_000_000, "must be between 2 and 1,000,000");

    public Option<double> Skew { get; } = Checked(new Option<double>("--skew")
    {
        Description = "Share of every table the first tenant holds (a whale); 0 spreads rows evenly. Requests are made for the other tenants.",
        DefaultValueFactory = _ => BenchDataShape.DefaultSkew,
    }, (double value) => value is >= 0 and < 1, "must be at least 0 and below 1 (0.2 = the first tenant holds 20%)");

    public Option<int> Rounds { get; } = Checked(new Option<int>("--rounds")
    {
        Description = "Rounds of interleaved sampling per query (each side runs a ~20 ms batch per round); more rounds, narrower intervals.",
        DefaultValueFactory = _ => SamplerSettings.Quick.Rounds,
    }, (int value) => value is >= 3 and <= 1000, "must be between 3 and 1000");

    public Option<string?> Queries { get; } = new("--queries")
    {
        Description = "Your own queries: '-- name: NAME' lines, each followed by one SQL statement naming the tenant as :tenant (see docs/bench.md).",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Results of an earlier run (--format json): exit 1 when a ratio regressed beyond the spread both runs measured.",
    };

    public Option<string> Format { get; } = Checked(new Option<string>("--format", "-f")
    {
        Description = "Report format: text, json (the results a --baseline reads), markdown (for job summaries).",
        DefaultValueFactory = _ => "text",
    }, (string value) => Formats.Contains(value), "unknown format; use text, json or markdown");

    public Option<string?> Chart { get; } = new("--chart")
    {
        Description = "Also draw the ratios as a PNG chart to this file.",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Rows, Tenants, Skew, Rounds, Queries, Baseline, Format, Chart, Output })
            command.Options.Add(option);
    }

    private static Option<T> Checked<T>(Option<T> option, Func<T, bool> valid, string problem)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!valid(value))
                result.AddError($"{option.Name} {value}: {problem}.");
        });
        return option;
    }
}
