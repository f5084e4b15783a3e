using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Bench;
using TenantGuard.Harness.Bench.Queries;
using TenantGuard.Harness.Bench.Reports;
using TenantGuard.Harness.Bench.Results;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Bench.Seeding;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard bench --migrations DIR …</c>: what RLS costs on your own schema and queries, per query, against
/// the same query with an explicit tenant filter and no RLS; exit 1 when --baseline says a ratio regressed, 2 on an error.</summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var migrations = SharedOptions.Migrations(required: true, "to seed and measure");
        var database = new DatabaseOptions(withTenantTables: false);
        var bench = new BenchCommandOptions();
        var command = new Command("bench", "Seed the migrated schema at scale and measure what RLS costs per query, against an explicit tenant filter without RLS.")
        {
            migrations,
        };
        database.AddTo(command);
        bench.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(console, new BenchArguments(
            parsed.GetValue(migrations)!, database.Read(parsed),
            new BenchDataShape(parsed.GetValue(bench.Rows), parsed.GetValue(bench.Tenants), parsed.GetValue(bench.Skew)),
            SamplerSettings.Quick with { Rounds = parsed.GetValue(bench.Rounds) },
            parsed.GetValue(bench.Queries), parsed.GetValue(bench.Baseline), parsed.GetValue(bench.Format)!,
            parsed.GetValue(bench.Chart), parsed.GetValue(bench.Output)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, BenchArguments arguments, CancellationToken cancellationToken) =>
        console.RunAsync(async () =>
        {
            // Every input is read before a server starts: a broken queries file or baseline fails in milliseconds.
            var queries = arguments.Queries is null ? [] : TeamQueryFile.Read(arguments.Queries);
            var baseline = arguments.Baseline is null ? null : BenchResultsFile.Read(arguments.Baseline);
            ReportArguments.CheckFile("--output", arguments.Output);
            ReportArguments.CheckFile("--chart", arguments.Chart);

            var results = await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", async progress =>
            {
                await using var environment = await arguments.Database
                    .CreateEnvironment(Path.GetFullPath(arguments.Migrations), progress)
                    .StartAsync(cancellationToken);
                await using var benchDatabase = await environment.CreateDatabaseAsync(cancellationToken);
                var run = await BenchRunner.RunAsync(benchDatabase,
                    new BenchOptions { Data = arguments.Data, Sampler = arguments.Sampler, Queries = queries, Progress = progress }, cancellationToken);
                progress.Report("Done; cleaning up…");
                return run;
            });

            var gate = baseline is null ? null : BaselineGate.Compare(baseline, results);
            var report = arguments.Format switch
            {
                "json" => BenchResultsFile.Serialize(results),
                "markdown" => BenchMarkdownReport.Format(results, gate),
                _ => BenchTextReport.Format(results, gate),
            };
            await WriteAsync(console, arguments.Output, report, cancellationToken);
            if (arguments.Chart is not null)
            {
                BenchChart.Render(results, arguments.Chart);
                await console.Error.WriteLineAsync($"tenantguard: wrote the chart to {arguments.Chart}.");
            }

            if (gate is not null && arguments.Format == "json")
                await console.Error.WriteAsync(BenchTextReport.GateOnly(gate));
            return gate is { Passed: false } ? ExitCodes.Findings : ExitCodes.Clean;
        });

    private static async Task WriteAsync(CliConsole console, string? output, string report, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await console.Out.WriteAsync(report);
            await console.Out.FlushAsync(cancellationToken);
            return;
        }

        try
        {
            await File.WriteAllTextAsync(output, report, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"--output {output}: cannot write the report: {e.Message}");
        }

        await console.Error.WriteLineAsync($"tenantguard: wrote the bench report to {output}.");
    }
}

public sealed record BenchArguments(
    string Migrations, DatabaseArguments Database, BenchDataShape Data, SamplerSettings Sampler, string? Queries, string? Baseline, string Format, string? Chart,
    string? Output);
