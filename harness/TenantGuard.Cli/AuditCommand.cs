using System.CommandLine;
using System.Diagnostics;
using TenantGuard.Harness;
using TenantGuard.Harness.Reports;

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

    static AuditCommand()
    {
        Format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ReportFormats.TryParse(value, out _))
                result.AddError($"--format {value}: unknown report format; use one of {string.Join(", ", ReportFormats.Names)}.");
        });
        foreach (var option in new Option[] { Migrations, AppRole, TenantColumn, TenantSetting, TenantTables, Connection, Output })
            option.Validators.Add(RejectEmptyValues);
    }

    /// <summary>An empty value (an unset shell variable: --app-role "$APP_ROLE") is a usage error, not a name.</summary>
    private static void RejectEmptyValues(System.CommandLine.Parsing.OptionResult result)
    {
        if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            result.AddError($"{result.Option.Name}: the value is empty (an unset variable?); give a value or leave the option out.");
    }

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
        parsed.GetValue(Output),
        AppRoleNamed: parsed.GetResult(AppRole) is { Implicit: false });

    public static Task<int> RunAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken) =>
        console.RunAsync(async () =>
        {
            var report = await AuditRun.ExecuteAsync(console, arguments, cancellationToken);
            await console.WriteReportAsync(report, arguments.Format, arguments.Output, cancellationToken);
            return report.ExitCode;
        });
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
    string? Output = null,
    bool AppRoleNamed = false);

/// <summary>One audit run: the library's <see cref="TenantIsolationEnvironment"/> with the command line's options and progress.</summary>
internal static class AuditRun
{
    public static async Task<Report> ExecuteAsync(CliConsole console, AuditArguments arguments, CancellationToken cancellationToken)
    {
        var migrations = Path.GetFullPath(arguments.Migrations);
        CheckOutputFolder(arguments.Output);

        return await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…", async progress =>
        {
            var clock = Stopwatch.StartNew();
            var builder = new TenantIsolationEnvironmentBuilder()
                .WithMigrations(migrations)
                .WithTenantColumn(arguments.TenantColumn)
                .WithTenantTables([.. arguments.TenantTables ?? []])
                .WithMigrationsAsSuperuser(arguments.SuperuserMigrations)
                .WithProgress(progress)
                .WithServer(server =>
                {
                    if (arguments.Connection is not null)
                        server.WithConnectionString(arguments.Connection);
                    if (arguments.Docker)
                        server.WithTestcontainers();
                });
            if (arguments.TenantSetting is not null)
                builder.WithTenantSetting(arguments.TenantSetting);
            // Only a role the user named must be one the migrations grant to; the default is audited as it is.
            if (arguments.AppRoleNamed || arguments.AppRole != "app_user")
                builder.WithAppRole(arguments.AppRole);

            // The migrations folder and tenantguard.json are checked before the server starts.
            await using var environment = await builder.StartAsync(cancellationToken);
            var report = await environment.AuditAsync(ct: cancellationToken);
            progress.Report($"Done in {(int)clock.Elapsed.TotalMilliseconds} ms; cleaning up…");
            return report;
        });
    }

    /// <summary>A report that cannot be written is found out before the run, not after it.</summary>
    private static void CheckOutputFolder(string? output)
    {
        if (output is null)
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
            throw new HarnessException($"--output {output}: the folder {folder} does not exist. Create it first or write the report elsewhere.");
        if (Directory.Exists(output))
            throw new HarnessException($"--output {output}: is a folder. Name the report file, e.g. {Path.Combine(output, "tenantguard-report.json")}.");
    }

}
