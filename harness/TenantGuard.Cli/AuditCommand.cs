using System.CommandLine;
using System.Diagnostics;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard audit --migrations DIR …</c>: start (or reach) a server, migrate, audit, report. Thin over
/// the library; exit 0 clean, 1 findings, 2 usage or infrastructure error.</summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var migrations = SharedOptions.Migrations(required: true, "to audit");
        var database = new DatabaseOptions(withTenantTables: true);
        var report = new ReportOptions();
        var command = new Command("audit", "Migrate a throwaway database and audit how well it isolates tenants (rules TG1001–TG1022).")
        {
            migrations,
        };
        database.AddTo(command);
        report.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(console,
            new AuditArguments(parsed.GetValue(migrations)!, database.Read(parsed), report.Read(parsed)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken) =>
        console.RunReportAsync(arguments.Report, () => AuditRun.ExecuteAsync(console, arguments, cancellationToken), cancellationToken);
}

public sealed record AuditArguments(string Migrations, DatabaseArguments Database, ReportArguments Report);

/// <summary>One audit run: the library's <see cref="Harness.TenantIsolationEnvironment"/> with the command line's options and progress.</summary>
internal static class AuditRun
{
    public static Task<Report> ExecuteAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken) =>
        ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", async progress =>
        {
            var clock = Stopwatch.StartNew();
            // The migrations folder and tenantguard.json are checked before the server starts.
            await using var environment = await arguments.Database
                .CreateEnvironment(Path.GetFullPath(arguments.Migrations), progress)
                .StartAsync(cancellationToken);
            var report = await environment.AuditAsync(ct: cancellationToken);
            progress.Report($"Done in {(int)clock.Elapsed.TotalMilliseconds} ms; cleaning up…");
            return report;
        });
}
