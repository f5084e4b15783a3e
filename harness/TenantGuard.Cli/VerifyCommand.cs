using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard verify</c>: attack a migrated throwaway database as the application role (TG2000–TG2009)
/// and/or a running API over HTTP (TG2101–TG2106). Same options, formats, exit codes and waivers as <c>audit</c>.</summary>
public static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var migrations = SharedOptions.Migrations(required: false, "to attack");
        var attacks = new AttackOptions();
        var database = new DatabaseOptions(withTenantTables: false);
        var httpConfig = new Option<string?>("--http-config")
        {
            Description = "JSON file naming two tenants' credentials and the endpoints of a running API to attack over HTTP.",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "Base URL of the running API (else the http config's baseUrl).",
        };
        var report = new ReportOptions();
        var command = new Command("verify", "Attack tenant isolation: as the app role against a migrated database (TG2000–TG2009) and/or over HTTP against a running API (TG2101–TG2106).")
        {
            migrations,
        };
        attacks.AddTo(command);
        database.AddTo(command);
        command.Options.Add(httpConfig);
        command.Options.Add(baseUrl);
        report.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(console, new VerifyArguments(
            parsed.GetValue(migrations), attacks.Read(parsed), database.Read(parsed), report.Read(parsed),
            parsed.GetValue(httpConfig), parsed.GetValue(baseUrl)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, VerifyArguments arguments, CancellationToken cancellationToken) =>
        console.RunReportAsync(arguments.Report, () => VerifyRun.ExecuteAsync(console, arguments, cancellationToken), cancellationToken);
}

public sealed record VerifyArguments(
    string? Migrations,
    AttackArguments Attacks,
    DatabaseArguments Database,
    ReportArguments Report,
    string? HttpConfig = null,
    string? BaseUrl = null);

/// <summary>The steps of one verify run: every input is checked before anything starts, then the database attacks
/// and the HTTP attacks run and their reports are merged.</summary>
internal static class VerifyRun
{
    public static async Task<Report> ExecuteAsync(CliConsole console, VerifyArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Migrations is null && arguments.HttpConfig is null)
            throw new HarnessException("verify needs --migrations DIR (attack a database) and/or --http-config FILE (attack a running API).");
        arguments.Attacks.Check();

        var migrations = arguments.Migrations is null ? null : Path.GetFullPath(arguments.Migrations);
        // Only whether it is there: its files and layout are read before the server starts.
        if (migrations is not null && !Directory.Exists(migrations) && !File.Exists(migrations))
            throw new HarnessException($"{migrations}: no migrations folder or script there. Pass the folder that holds your .sql migrations with --migrations.");

        var waiverFolder = migrations ?? Path.GetDirectoryName(Path.GetFullPath(arguments.HttpConfig!))!;
        var waivers = await WaiverFile.LoadForMigrationsAsync(waiverFolder, cancellationToken);
        var http = arguments.HttpConfig is null ? null : await HttpAttackConfig.LoadAsync(arguments.HttpConfig, cancellationToken);
        var baseUrl = http is null ? null : BaseUrlOf(arguments, http);

        var reports = new List<Report>();
        if (migrations is not null)
        {
            reports.Add(await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…",
                progress => DatabaseAttackRun.ExecuteAsync(migrations, arguments.Database, arguments.Attacks, waivers, progress, cancellationToken)));
        }

        if (http is not null)
            reports.Add(await HttpIsolationAttack.RunAsync(http, baseUrl!, waivers, cancellationToken));

        return ReportMerge.Attacks(reports);
    }

    private static Uri BaseUrlOf(VerifyArguments arguments, HttpAttackConfig http)
    {
        var text = arguments.BaseUrl ?? http.BaseUrl
            ?? throw new HarnessException($"{arguments.HttpConfig}: no base URL; pass --base-url http://127.0.0.1:5080 or set \"baseUrl\" in the file.");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new HarnessException($"'{text}' is not an http(s) base URL (e.g. http://127.0.0.1:5080).");
    }
}
