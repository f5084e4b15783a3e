using System.Diagnostics;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness;

/// <summary>
/// Configures a <see cref="TenantIsolationEnvironment"/>: which migrations, which roles and tenant column, which
/// server. Defaults match <c>tenantguard audit</c>: an embedded server (or TENANTGUARD_CONNECTION), the app role
/// inferred from the migrations' grants, <c>tenant_id</c>, and the tenantguard.json next to the migrations.
/// </summary>
public sealed class TenantIsolationEnvironmentBuilder
{
    private readonly PostgresServerBuilder _server = new();
    private readonly List<string> _tenantTables = [];
    private readonly List<Waiver> _waivers = [];
    private string? _migrations;
    private MigrationLayout? _layout;
    private string? _appRole;
    private string _tenantColumn = "tenant_id";
    private string? _tenantSetting;
    private bool _migrationsAsSuperuser;
    private IProgress<string>? _progress;

    /// <summary>The migrations (required): a folder, read in its layout (detected, or given with
    /// <see cref="WithMigrationLayout"/>), or one script file (an EF Core migrations script). A tenantguard.json in
    /// the folder (next to the file) is read too.</summary>
    public TenantIsolationEnvironmentBuilder WithMigrations(string path)
    {
        _migrations = path;
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
        var migrations = _migrations ?? throw new InvalidOperationException("Call WithMigrations(path) before StartAsync.");
        // The folder, its files and tenantguard.json first: a missing folder, an unreadable file, a folder whose
        // layout is unclear or a broken tenantguard.json fails in milliseconds, before a server starts.
        var loaded = MigrationLoader.Load(migrations, _layout);
        var locator = MigrationLocator.For(loaded);
        var config = await WaiverFile.LoadConfigForMigrationsAsync(migrations, ct).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var server = await _server.StartAsync(ct).ConfigureAwait(false);
        try
        {
            var started = clock.Elapsed;
            _progress?.Report($"Applying migrations from {Path.GetFullPath(migrations)}…");
            var template = new TenantDatabaseBuilder(server)
                .WithMigrations(loaded)
                .WithTenantColumn(_tenantColumn)
                .WithTenantTables([.. config.TenantTables, .. _tenantTables])
                .WithTenantSetting(_tenantSetting)
                .WithMigrationsAsSuperuser(_migrationsAsSuperuser);
            if (_appRole is not null)
                template.WithAppRole(_appRole);
            if (_progress is not null)
                template.WithProgress(_progress);
            var audit = new TenantIsolationEnvironment.AuditSettings([.. config.Waivers, .. _waivers], [.. config.TenantTables, .. _tenantTables]);
            var built = await template.BuildTemplateAsync(ct).ConfigureAwait(false);
            var timings = new TenantIsolationEnvironment.StartTimings(started, clock.Elapsed - started);
            return new TenantIsolationEnvironment(server, built, audit, timings, locator, _progress);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
