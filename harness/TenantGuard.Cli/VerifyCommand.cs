using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard verify</c>: attack a migrated throwaway database as the application role (TG2000–TG2009)
/// and/or a running API over HTTP (TG2101–TG2109). Same options, formats, exit codes and waivers as <c>audit</c>.</summary>
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
        var openapi = new Option<string?>("--openapi")
        {
            Description = "The API's OpenAPI document: a path on the base URL (/openapi/v1.json), a URL on it, or a file (else the http config's openapi).",
        };
        var maxRequests = new Option<int?>("--max-requests")
        {
            Description = $"Most requests the HTTP attacks send (default {HttpAttackConfig.DefaultMaxRequests}; cleanup of what they created comes on top).",
        };
        var report = new ReportOptions();
        var command = new Command("verify", "Attack tenant isolation: as the app role against a migrated database (TG2000–TG2009) and/or over HTTP against a running API (TG2101–TG2109).")
        {
            migrations,
        };
        attacks.AddTo(command);
        database.AddTo(command);
        command.Options.Add(httpConfig);
        command.Options.Add(baseUrl);
        command.Options.Add(openapi);
        command.Options.Add(maxRequests);
        report.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(console, new VerifyArguments(
            parsed.GetValue(migrations), attacks.Read(parsed), database.Read(parsed), report.Read(parsed),
            parsed.GetValue(httpConfig), parsed.GetValue(baseUrl), parsed.GetValue(openapi), parsed.GetValue(maxRequests)), cancellationToken));
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
    string? BaseUrl = null,
    string? Openapi = null,
    int? MaxRequests = null);

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
        if (arguments.MaxRequests is < 1)
            throw new HarnessException($"--max-requests must be at least 1 (got {arguments.MaxRequests}).");
        if (arguments.HttpConfig is null && (arguments.Openapi is not null || arguments.MaxRequests is not null))
            throw new HarnessException("--openapi and --max-requests need --http-config FILE (the tenants' credentials).");
        var http = arguments.HttpConfig is null ? null : await HttpAttackConfig.LoadAsync(arguments.HttpConfig, cancellationToken, arguments.Openapi);
        if (http is not null)
            http = http with
            {
                Openapi = arguments.Openapi ?? http.Openapi,
                MaxRequests = arguments.MaxRequests ?? http.MaxRequests,
            };
        var baseUrl = http?.ResolveBaseUrl(arguments.BaseUrl, arguments.HttpConfig!, "pass --base-url http://127.0.0.1:5080");

        var reports = new List<Report>();
        if (migrations is not null)
        {
            reports.Add(await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…",
                progress => DatabaseAttackRun.ExecuteAsync(migrations, arguments.Database, arguments.Attacks, waivers, progress, cancellationToken)));
        }

        if (http is not null)
            reports.Add(await ProgressDisplay.RunAsync(console, "Attacking the API…",
                progress => HttpIsolationAttack.RunAsync(http, baseUrl!, waivers, cancellationToken, progress)));

        return ReportMerge.Attacks(reports);
    }
}
