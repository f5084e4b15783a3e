using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Migrations;

namespace TenantGuard.Cli;

/// <summary>Which server, roles, tenant column and migration layout a database command uses: the options audit, verify and check share.</summary>
public sealed record DatabaseArguments(
    string? AppRole = null,
    string? TenantColumn = null,
    string? TenantSetting = null,
    IReadOnlyList<string>? TenantTables = null,
    string? Connection = null,
    bool Docker = false,
    bool SuperuserMigrations = false,
    MigrationLayout? Layout = null)
{
    /// <summary>A builder for one server with the migrations applied once to a template, configured from these options.</summary>
    public TenantIsolationEnvironmentBuilder CreateEnvironment(string migrations, IProgress<string> progress)
    {
        var builder = new TenantIsolationEnvironmentBuilder()
            .WithMigrations(migrations)
            .WithTenantTables([.. TenantTables ?? []])
            .WithProgress(progress)
            .WithServer(server =>
            {
                if (Connection is not null)
                    server.WithConnectionString(Connection);
                if (Docker)
                    server.WithTestcontainers();
            });
        // What the command line leaves out, tenantguard.json (or the default) decides.
        if (Layout is not null)
            builder.WithMigrationLayout(Layout);
        if (TenantColumn is not null)
            builder.WithTenantColumn(TenantColumn);
        if (SuperuserMigrations)
            builder.WithMigrationsAsSuperuser();
        if (TenantSetting is not null)
            builder.WithTenantSetting(TenantSetting);
        // Without a name the app role is inferred from the migrations' grants (an error lists the candidates).
        if (AppRole is not null)
            builder.WithAppRole(AppRole);
        return builder;
    }
}

/// <summary>The database options of one command, read into <see cref="DatabaseArguments"/>.</summary>
internal sealed class DatabaseOptions(bool withTenantTables)
{
    private readonly Option<string?> _layout = SharedOptions.Layout();
    private readonly Option<string?> _appRole = SharedOptions.AppRole();
    private readonly Option<string?> _tenantColumn = SharedOptions.TenantColumn();
    private readonly Option<string?> _tenantSetting = SharedOptions.TenantSetting();
    private readonly Option<string[]>? _tenantTables = withTenantTables ? SharedOptions.TenantTables() : null;
    private readonly Option<string?> _connection = SharedOptions.Connection();
    private readonly Option<bool> _docker = SharedOptions.Docker();
    private readonly Option<bool> _superuserMigrations = SharedOptions.MigrationsAsSuperuser();

    public void AddTo(Command command)
    {
        command.Options.Add(_layout);
        command.Options.Add(_appRole);
        command.Options.Add(_tenantColumn);
        command.Options.Add(_tenantSetting);
        if (_tenantTables is not null)
            command.Options.Add(_tenantTables);
        command.Options.Add(_connection);
        command.Options.Add(_docker);
        command.Options.Add(_superuserMigrations);
    }

    public DatabaseArguments Read(ParseResult parsed) => new(
        parsed.GetValue(_appRole),
        parsed.GetValue(_tenantColumn),
        parsed.GetValue(_tenantSetting),
        _tenantTables is null ? [] : parsed.GetValue(_tenantTables) ?? [],
        parsed.GetValue(_connection),
        parsed.GetValue(_docker),
        parsed.GetValue(_superuserMigrations),
        MigrationLayouts.TryParse(parsed.GetValue(_layout), out var layout) ? layout : null);
}
