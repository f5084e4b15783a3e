using System.CommandLine;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard check --migrations DIR …</c>: what CI runs. One server, migrations applied once; the audit
/// (TG1xxx) and the database attacks (TG2xxx) each on their own copy of the template, merged into one report.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var migrations = SharedOptions.Migrations(required: true, "to audit and attack");
        var database = new DatabaseOptions(withTenantTables: true);
        var attacks = new AttackOptions();
        var report = new ReportOptions();
        var command = new Command("check", "Audit (TG1001–TG1022) and attack (TG2000–TG2009) a migrated throwaway database in one run: the CI gate.")
        {
            migrations,
        };
        database.AddTo(command);
        attacks.AddTo(command);
        report.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(console,
            new CheckArguments(parsed.GetValue(migrations)!, database.Read(parsed), attacks.Read(parsed), report.Read(parsed)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, CheckArguments arguments, CancellationToken cancellationToken) =>
        console.RunReportAsync(arguments.Report, () => CheckRun.ExecuteAsync(console, arguments, cancellationToken), cancellationToken);
}

public sealed record CheckArguments(string Migrations, DatabaseArguments Database, AttackArguments Attacks, ReportArguments Report);

internal static class CheckRun
{
    public static async Task<Report> ExecuteAsync(CliConsole console, CheckArguments arguments, CancellationToken cancellationToken)
    {
        arguments.Attacks.Check();
        var migrations = Path.GetFullPath(arguments.Migrations);

        return await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", async progress =>
        {
            // Checks the folder and tenantguard.json before the server starts.
            await using var environment = await arguments.Database.CreateEnvironment(migrations, progress).StartAsync(cancellationToken);
            // The attacks take the environment's waivers (tenantguard.json's), as the audit does.
            var report = await environment.CheckAsync(arguments.Attacks.ToVerifyOptions([], progress), cancellationToken);
            progress.Report($"Done in {report.Facts["totalMs"]} ms; cleaning up…");
            return report;
        });
    }
}
