using System.Diagnostics;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness;

/// <summary>
/// Configures a <see cref="TenantIsolationEnvironment"/>: which migrations, which roles and tenant column, which
/// server. Defaults match <c>tenantguard audit</c>: an embedded server (or TENANTGUARD_CONNECTION), the app role
/// inferred from the migrations' grants, <c>tenant_id</c>, and the tenantguard.json next to the migrations (or the one
/// given with <see cref="WithConfigFile"/>), whose settings apply where no With… call says otherwise.
/// </summary>
public sealed class TenantIsolationEnvironmentBuilder
{
    private readonly PostgresServerBuilder _server = new();
    private readonly List<string> _tenantTables = [];
    private readonly List<Waiver> _waivers = [];
    private string? _migrations;
    private string? _configFile;
    private MigrationLayout? _layout;
    private string? _appRole;
    private string? _tenantColumn;
    private string? _tenantSetting;
    private bool? _migrationsAsSuperuser;
    private IProgress<string>? _progress;

    /// <summary>The tenant column when neither a With… call nor tenantguard.json names one.</summary>
    public const string DefaultTenantColumn = "tenant_id";

    /// <summary>The migrations (required): a folder, read in its layout (detected, or given with
    /// <see cref="WithMigrationLayout"/>), or one script file (an EF Core migrations script). A tenantguard.json in
    /// the folder (next to the file) is read too.</summary>
    public TenantIsolationEnvironmentBuilder WithMigrations(string path)
    {
        _migrations = path;
        return this;
    }

    /// <summary>Reads this tenantguard.json instead of the one next to the migrations. Its <c>"migrations"</c> (relative
    /// to the file; else the file's own folder) are the migrations unless <see cref="WithMigrations"/> names others.</summary>
    public TenantIsolationEnvironmentBuilder WithConfigFile(string path)
    {
        _configFile = path;
        return this;
    }

    /// <summary>How the migrations folder is laid out (flat, Prisma, Flyway…); null (the default) detects it.</summary>
    public TenantIsolationEnvironmentBuilder WithMigrationLayout(MigrationLayout? layout)
    {
        _layout = layout;
        return this;
    }

    /// <summary>The role the application connects as. When not given it is inferred from the migrations (the one role
    /// besides the tables' owners they grant access to tenant tables); several or none is an error that lists them.
    /// The role must be granted something on a tenant table, else the audit fails: it would be checking the wrong role.</summary>
    public TenantIsolationEnvironmentBuilder WithAppRole(string role)
    {
        _appRole = role;
        return this;
    }

    /// <summary>The column that says which tenant owns a row; default tenantguard.json's, else <c>tenant_id</c>.</summary>
    public TenantIsolationEnvironmentBuilder WithTenantColumn(string column)
    {
        _tenantColumn = column;
        return this;
    }

    /// <summary>The setting the policies read (e.g. <c>app.tenant_id</c>); detected from the policies when not given.</summary>
    public TenantIsolationEnvironmentBuilder WithTenantSetting(string setting)
    {
        _tenantSetting = setting;
        return this;
    }

    /// <summary>Tenant-owned tables without the tenant column, in addition to tenantguard.json's.</summary>
    public TenantIsolationEnvironmentBuilder WithTenantTables(params string[] tables)
    {
        _tenantTables.AddRange(tables);
        return this;
    }

    /// <summary>Accepted findings, in addition to tenantguard.json's.</summary>
    public TenantIsolationEnvironmentBuilder WithWaivers(params Waiver[] waivers)
    {
        _waivers.AddRange(waivers);
        return this;
    }

    public TenantIsolationEnvironmentBuilder WithMigrationsAsSuperuser(bool enabled = true)
    {
        _migrationsAsSuperuser = enabled;
        return this;
    }

    /// <summary>Chooses the server: <c>b => b.WithConnectionString(…)</c>, <c>b => b.WithTestcontainers()</c>…</summary>
    public TenantIsolationEnvironmentBuilder WithServer(Action<PostgresServerBuilder> configure)
    {
        configure(_server);
        return this;
    }

    public TenantIsolationEnvironmentBuilder WithProgress(IProgress<string> progress)
    {
        _progress = progress;
        _server.WithProgress(progress);
        return this;
    }

    /// <summary>Starts the server and migrates the template once; databases are then cheap copies of it.</summary>
    public async Task<TenantIsolationEnvironment> StartAsync(CancellationToken ct = default)
    {
        // The folder, its files and tenantguard.json first: a missing folder, an unreadable file, a folder whose
        // layout is unclear or a broken tenantguard.json fails in milliseconds, before a server starts.
        var (migrations, config) = await ConfigAndMigrationsAsync(ct).ConfigureAwait(false);
        var loaded = MigrationLoader.Load(migrations, _layout ?? config.Layout);
        var locator = MigrationLocator.For(loaded);

        var clock = Stopwatch.StartNew();
        var server = await _server.StartAsync(ct).ConfigureAwait(false);
        try
        {
            var started = clock.Elapsed;
            _progress?.Report($"Applying migrations from {Path.GetFullPath(migrations)}…");
            var template = new TenantDatabaseBuilder(server)
                .WithMigrations(loaded)
                .WithTenantColumn(_tenantColumn ?? config.TenantColumn ?? DefaultTenantColumn)
                .WithTenantTables([.. config.TenantTables, .. _tenantTables])
                .WithTenantSetting(_tenantSetting ?? config.TenantSetting)
                .WithMigrationsAsSuperuser(_migrationsAsSuperuser ?? config.MigrationsAsSuperuser ?? false);
            if ((_appRole ?? config.AppRole) is { } appRole)
                template.WithAppRole(appRole);
            if (_progress is not null)
                template.WithProgress(_progress);
            var audit = new TenantIsolationEnvironment.AuditSettings([.. config.Waivers, .. _waivers], [.. config.TenantTables, .. _tenantTables]);
            var built = await template.BuildTemplateAsync(ct).ConfigureAwait(false);
            var timings = new TenantIsolationEnvironment.StartTimings(started, clock.Elapsed - started);
            return new TenantIsolationEnvironment(server, built, audit, timings, locator, config, _progress);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One tenantguard.json per run: the given file (whose "migrations" it may name), else the one next to
    /// the migrations. A migrations folder with a file of its own besides the given one is refused, since one of the
    /// two would be silently ignored.</summary>
    private async Task<(string Migrations, TenantGuardConfig Config)> ConfigAndMigrationsAsync(CancellationToken ct)
    {
        var (migrations, config) = await FindConfigAndMigrationsAsync(ct).ConfigureAwait(false);
        RequireFile(config, "seedSql", config.SeedSql);
        RequireFile(config, "http", config.Http);
        return (migrations, config);
    }

    private async Task<(string Migrations, TenantGuardConfig Config)> FindConfigAndMigrationsAsync(CancellationToken ct)
    {
        if (_configFile is null)
        {
            var migrations = _migrations ?? throw new InvalidOperationException("Call WithMigrations(path) or WithConfigFile(path) before StartAsync.");
            return (migrations, await WaiverFile.LoadConfigForMigrationsAsync(migrations, ct).ConfigureAwait(false));
        }

        var config = await WaiverFile.LoadConfigAsync(_configFile, ct).ConfigureAwait(false);
        var configFolder = Path.GetDirectoryName(config.Path)!;
        var chosen = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_migrations ?? config.Migrations ?? configFolder));
        if (_migrations is null && config.Migrations is not null && !Directory.Exists(chosen) && !File.Exists(chosen))
            throw new HarnessException($"{config.Path}: \"migrations\" names {chosen}, which does not exist. " +
                                       "Give the folder that holds your .sql migrations (or an EF Core script), relative to this file.");
        var migrationsFolder = File.Exists(chosen) ? Path.GetDirectoryName(chosen)! : chosen;
        var own = Path.Combine(migrationsFolder, WaiverFile.FileName);
        if (!string.Equals(migrationsFolder, configFolder, StringComparison.Ordinal) && File.Exists(own))
            throw new HarnessException($"{config.Path}: the migrations it names ({chosen}) have a {WaiverFile.FileName} of their own ({own}); " +
                                       "keep one file: move its waivers and settings into one and delete the other.");
        return (chosen, config);
    }

    private static void RequireFile(TenantGuardConfig config, string key, string? path)
    {
        if (path is not null && !File.Exists(path))
            throw new HarnessException($"{config.Path}: \"{key}\" names {path}, which does not exist. Give the file's path relative to {WaiverFile.FileName}.");
    }
}
