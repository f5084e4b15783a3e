using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantGuard.Harness;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard audit --migrations DIR …</c>: start (or reach) a server, migrate, audit, report. Thin over
/// the library; exit 0 clean, 1 findings, 2 usage or infrastructure error.</summary>
public static class AuditCommand
{
    private static readonly Option<string> Migrations = new("--migrations", "-m")
    {
        Description = "Folder of .sql migrations, applied in file-name order (tenantguard.json next to them holds waivers and tenant tables).",
        Required = true,
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
        Description = "The setting the policies read (e.g. app.tenant_id); detected from the policies when omitted.",
    };

    private static readonly Option<string[]> TenantTables = new("--tenant-table")
    {
        Description = "A tenant-owned table without the tenant column (repeatable).",
        AllowMultipleArgumentsPerToken = false,
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
        Description = "Run the migrations as the superuser (for migrations that create BYPASSRLS roles or LEAKPROOF functions, as Supabase's do).",
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

    static AuditCommand() => Format.AcceptOnlyFromAmong([.. ReportFormats.Names]);

    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "Migrate a throwaway database and audit how well it isolates tenants (rules TG1001–TG1020).")
        {
            Migrations, AppRole, TenantColumn, TenantSetting, TenantTables, Connection, Docker, SuperuserMigrations, Format, Output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, Read(parsed), cancellationToken));
        return command;
    }

    private static AuditArguments Read(ParseResult parsed) => new(
        parsed.GetRequiredValue(Migrations),
        parsed.GetValue(AppRole)!,
        parsed.GetValue(TenantColumn)!,
        parsed.GetValue(TenantSetting),
        parsed.GetValue(TenantTables) ?? [],
        parsed.GetValue(Connection),
        parsed.GetValue(Docker),
        parsed.GetValue(SuperuserMigrations),
        ReportFormats.TryParse(parsed.GetValue(Format), out var format) ? format : ReportFormat.Text,
        parsed.GetValue(Output));

    public static async Task<int> RunAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            var report = await AuditRun.ExecuteAsync(console, arguments, cancellationToken);
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
        catch (Exception e)
        {
            // Exit 1 means "findings"; a failure of the tool itself must never look like that.
            await console.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}");
        }
        return ExitCodes.UsageOrInfrastructure;
    }

    private static async Task WriteReportAsync(CliConsole console, AuditArguments arguments, Report report, CancellationToken cancellationToken)
    {
        if (arguments.Output is null)
        {
            var colour = arguments.Format == ReportFormat.Text && console.OutIsTerminal;
            await ReportFormats.CreateFormatter(arguments.Format, colour).WriteAsync(report, console.Out, cancellationToken);
            return;
        }
        await using (var file = new StreamWriter(arguments.Output))
            await ReportFormats.CreateFormatter(arguments.Format).WriteAsync(report, file, cancellationToken);
        await console.Error.WriteLineAsync(
            $"tenantguard: wrote {arguments.Format.ToString().ToLowerInvariant()} report to {arguments.Output} " +
            $"({report.Findings.Count} finding(s), {report.Waived.Count} waived, {report.UnmatchedWaivers.Count} unmatched waiver(s)).");
    }
}

public sealed record AuditArguments(
    string Migrations,
    string AppRole = "app_user",
    string TenantColumn = "tenant_id",
    string? TenantSetting = null,
    IReadOnlyList<string>? TenantTables = null,
    string? Connection = null,
    bool Docker = false,
    bool SuperuserMigrations = false,
    ReportFormat Format = ReportFormat.Text,
    string? Output = null);

/// <summary>The steps of one audit run, with timings for the report's facts.</summary>
internal static class AuditRun
{
    public static async Task<Report> ExecuteAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken)
    {
        var migrations = Path.GetFullPath(arguments.Migrations);
        CheckMigrationsFolder(migrations);
        // tenantguard.json is read before anything starts: a broken file fails in milliseconds.
        var config = await WaiverFile.LoadConfigForMigrationsAsync(migrations, cancellationToken);

        return await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", async progress =>
        {
            var clock = Stopwatch.StartNew();
            var builder = new PostgresServerBuilder().WithProgress(progress);
            if (arguments.Connection is not null)
                builder.WithConnectionString(arguments.Connection);
            if (arguments.Docker)
                builder.WithTestcontainers();
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

            var report = await IsolationAudit.RunAsync(database, new AuditOptions
            {
                Waivers = config.Waivers,
                TenantTables = [.. config.TenantTables, .. arguments.TenantTables ?? []],
                Progress = progress,
                Facts = new Dictionary<string, string>
                {
                    ["server"] = $"{server.Kind} PostgreSQL {server.ServerVersion}",
                    ["migrations"] = $"{template.MigrationFiles} file(s)",
                    ["startMs"] = Milliseconds(started),
                    ["migrateMs"] = Milliseconds(migrated - started),
                },
            }, cancellationToken);
            progress.Report($"Done in {Milliseconds(clock.Elapsed)} ms; cleaning up…");
            return report;
        });
    }

    private static void CheckMigrationsFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new HarnessException($"{folder}: migrations folder not found. Pass the folder that holds your .sql migrations with --migrations.");
        try
        {
            if (!Directory.EnumerateFiles(folder, "*.sql").Any())
                throw new HarnessException($"{folder}: no .sql files in the migrations folder.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new HarnessException($"{folder}: cannot read the migrations folder (permission denied).");
        }
    }

    private static string Milliseconds(TimeSpan span) => ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
