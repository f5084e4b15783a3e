using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard verify</c>: attack a migrated throwaway database as the application role (TG2000–TG2008)
/// and/or a running API over HTTP (TG2101–TG2106). Same formats, exit codes and waivers as <c>audit</c>.</summary>
public static class VerifyCommand
{
    private static readonly Option<string?> Migrations = new("--migrations", "-m")
    {
        Description = "Folder of .sql migrations to attack (tenantguard.json next to them holds waivers).",
    };

    private static readonly Option<string?> SeedSql = new("--seed-sql")
    {
        Description = "SQL run once per synthetic tenant after the seeder's own rows, for tables the seeder cannot fill; {{tenant}} is the tenant's value.",
    };

    private static readonly Option<int> Tenants = new("--tenants")
    {
        Description = "Synthetic tenants to create (at least 2).",
        DefaultValueFactory = _ => 3,
    };

    private static readonly Option<string> AppRole = new("--app-role")
    {
        Description = "The role the application connects as; created NOSUPERUSER NOBYPASSRLS if the migrations do not create it.",
        DefaultValueFactory = _ => "app_user",
    };

    private static readonly Option<string> TenantColumn = new("--tenant-column")
    {
        Description = "The column that says which tenant owns a row.",
        DefaultValueFactory = _ => "tenant_id",
    };

    private static readonly Option<string?> TenantSetting = new("--tenant-setting")
    {
        Description = "The setting the policies read (e.g. app.current_tenant); detected from the policies when omitted.",
    };

    private static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Use an existing server (also TENANTGUARD_CONNECTION); a fresh database is created on it and dropped after.",
    };

    private static readonly Option<bool> Docker = new("--docker")
    {
        Description = "Start PostgreSQL in a container through Testcontainers instead of from local binaries.",
    };

    private static readonly Option<bool> SuperuserMigrations = new("--migrations-as-superuser")
    {
        Description = "Run the migrations as the superuser (for migrations that need it).",
    };

    private static readonly Option<string?> HttpConfig = new("--http-config")
    {
        Description = "JSON file naming two tenants' credentials and the endpoints of a running API to attack over HTTP.",
    };

    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "Base URL of the running API (else the http config's baseUrl).",
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Report format: text, json, sarif or junit.",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    static VerifyCommand() => Format.AcceptOnlyFromAmong([.. ReportFormats.Names]);

    public static Command Create(CliConsole console)
    {
        var command = new Command("verify", "Attack tenant isolation: as the app role against a migrated database (TG2000–TG2008) and/or over HTTP against a running API (TG2101–TG2106).")
        {
            Migrations, SeedSql, Tenants, AppRole, TenantColumn, TenantSetting, Connection, Docker, SuperuserMigrations, HttpConfig, BaseUrl, Format, Output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, Read(parsed), cancellationToken));
        return command;
    }

    private static VerifyArguments Read(ParseResult parsed) => new(
        parsed.GetValue(Migrations),
        parsed.GetValue(SeedSql),
        parsed.GetValue(Tenants),
        parsed.GetValue(AppRole)!,
        parsed.GetValue(TenantColumn)!,
        parsed.GetValue(TenantSetting),
        parsed.GetValue(Connection),
        parsed.GetValue(Docker),
        parsed.GetValue(SuperuserMigrations),
        parsed.GetValue(HttpConfig),
        parsed.GetValue(BaseUrl),
        ReportFormats.TryParse(parsed.GetValue(Format), out var format) ? format : ReportFormat.Text,
        parsed.GetValue(Output));

    public static async Task<int> RunAsync(CliConsole console, VerifyArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            var report = await VerifyRun.ExecuteAsync(console, arguments, cancellationToken);
            await WriteReportAsync(console, arguments, report, cancellationToken);
            return report.ExitCode;
        }
        catch (HarnessException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
        }
        catch (PostgresException e)
        {
            await console.Error.WriteLineAsync($"error: PostgreSQL said: {e.Severity} {e.SqlState}: {e.MessageText}");
        }
        catch (NpgsqlException e)
        {
            await console.Error.WriteLineAsync($"error: cannot talk to PostgreSQL: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled; the server and its temporary directory were cleaned up.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
        }

        return ExitCodes.UsageOrInfrastructure;
    }

    private static async Task WriteReportAsync(CliConsole console, VerifyArguments arguments, Report report, CancellationToken cancellationToken)
    {
        if (arguments.Output is null)
        {
            var colour = arguments.Format == ReportFormat.Text && console.OutIsTerminal;
            await ReportFormats.CreateFormatter(arguments.Format, colour).WriteAsync(report, console.Out, cancellationToken);
            return;
        }

        await using (var file = new StreamWriter(arguments.Output))
        {
            await ReportFormats.CreateFormatter(arguments.Format).WriteAsync(report, file, cancellationToken);
        }

        await console.Error.WriteLineAsync(
            $"tenantguard: wrote {arguments.Format.ToString().ToLowerInvariant()} report to {arguments.Output} " +
            $"({report.Findings.Count} finding(s), {report.Waived.Count} waived, {report.UnmatchedWaivers.Count} unmatched waiver(s)).");
    }
}

public sealed record VerifyArguments(
    string? Migrations = null,
    string? SeedSql = null,
    int Tenants = 3,
    string AppRole = "app_user",
    string TenantColumn = "tenant_id",
    string? TenantSetting = null,
    string? Connection = null,
    bool Docker = false,
    bool SuperuserMigrations = false,
    string? HttpConfig = null,
    string? BaseUrl = null,
    ReportFormat Format = ReportFormat.Text,
    string? Output = null);

/// <summary>The steps of one verify run: every input is checked before anything starts, then the database attacks
/// and the HTTP attacks run and their reports are merged.</summary>
internal static class VerifyRun
{
    public static async Task<Report> ExecuteAsync(CliConsole console, VerifyArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Migrations is null && arguments.HttpConfig is null)
        {
            throw new HarnessException("verify needs --migrations DIR (attack a database) and/or --http-config FILE (attack a running API).");
        }

        if (arguments.Tenants < 2)
        {
            throw new HarnessException($"--tenants must be at least 2 (an attacker and a victim); got {arguments.Tenants}.");
        }

        var migrations = arguments.Migrations is null ? null : Path.GetFullPath(arguments.Migrations);
        if (migrations is not null && (!Directory.Exists(migrations) || !Directory.EnumerateFiles(migrations, "*.sql").Any()))
        {
            throw new HarnessException($"{migrations}: no migrations folder with .sql files there. Pass the folder that holds your .sql migrations with --migrations.");
        }

        if (arguments.SeedSql is not null && !File.Exists(arguments.SeedSql))
        {
            throw new HarnessException($"{Path.GetFullPath(arguments.SeedSql)}: seed SQL file not found (--seed-sql).");
        }

        var waiverFolder = migrations ?? Path.GetDirectoryName(Path.GetFullPath(arguments.HttpConfig!))!;
        var waivers = await WaiverFile.LoadForMigrationsAsync(waiverFolder, cancellationToken);
        var http = arguments.HttpConfig is null ? null : await HttpAttackConfig.LoadAsync(arguments.HttpConfig, cancellationToken);
        var baseUrl = http is null ? null : BaseUrlOf(arguments, http);

        var reports = new List<Report>();
        if (migrations is not null)
        {
            reports.Add(await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", progress => AttackDatabaseAsync(arguments, migrations, waivers, progress, cancellationToken)));
        }

        if (http is not null)
        {
            reports.Add(await HttpIsolationAttack.RunAsync(http, baseUrl!, waivers, cancellationToken));
        }

        return Merge(reports);
    }

    private static Uri BaseUrlOf(VerifyArguments arguments, HttpAttackConfig http)
    {
        var text = arguments.BaseUrl ?? http.BaseUrl
            ?? throw new HarnessException($"{arguments.HttpConfig}: no base URL; pass --base-url http://127.0.0.1:5080 or set \"baseUrl\" in the file.");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new HarnessException($"'{text}' is not an http(s) base URL (e.g. http://127.0.0.1:5080).");
    }

    private static async Task<Report> AttackDatabaseAsync(
        VerifyArguments arguments, string migrations, IReadOnlyList<Waiver> waivers, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var builder = new PostgresServerBuilder().WithProgress(progress);
        if (arguments.Connection is not null)
        {
            builder.WithConnectionString(arguments.Connection);
        }

        if (arguments.Docker)
        {
            builder.WithTestcontainers();
        }

        await using var server = await builder.StartAsync(cancellationToken);
        var started = clock.Elapsed;
        progress.Report($"Applying migrations from {migrations}…");
        await using var template = await new TenantDatabaseBuilder(server)
            .WithMigrations(migrations)
            .WithAppRole(arguments.AppRole)
            .WithTenantColumn(arguments.TenantColumn)
            .WithTenantSetting(arguments.TenantSetting)
            .WithMigrationsAsSuperuser(arguments.SuperuserMigrations)
            .WithProgress(progress)
            .BuildTemplateAsync(cancellationToken);
        await using var database = await template.CreateDatabaseAsync(cancellationToken);
        var migrated = clock.Elapsed;
        var report = await IsolationAttack.RunAsync(database, new VerifyOptions
        {
            Tenants = arguments.Tenants,
            SeedSqlFile = arguments.SeedSql,
            Waivers = waivers,
            Progress = progress,
        }, cancellationToken);
        var facts = new Dictionary<string, string>(report.Facts)
        {
            ["server"] = $"{server.Kind} PostgreSQL {server.ServerVersion}",
            ["migrations"] = $"{template.MigrationFiles} file(s)",
            ["startMs"] = Milliseconds(started),
            ["migrateMs"] = Milliseconds(migrated - started),
            ["totalMs"] = Milliseconds(clock.Elapsed),
        };
        progress.Report($"Done in {Milliseconds(clock.Elapsed)} ms; cleaning up…");
        return new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules);
    }

    /// <summary>One report out of the database and HTTP runs (facts of the HTTP run prefixed with "http.").</summary>
    private static Report Merge(List<Report> reports)
    {
        if (reports.Count == 1)
        {
            return reports[0];
        }

        var facts = new Dictionary<string, string>(reports[0].Facts);
        foreach (var fact in reports[1].Facts)
        {
            facts["http." + fact.Key] = fact.Value;
        }

        return new Report(
            reports.SelectMany(r => r.Findings).ToList(),
            reports.SelectMany(r => r.Waived).ToList(),
            reports.SelectMany(r => r.UnmatchedWaivers).ToList(),
            facts,
            reports.SelectMany(r => r.Rules).ToList());
    }

    private static string Milliseconds(TimeSpan span) => ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
