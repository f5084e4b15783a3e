using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness;

/// <summary>
/// Configures and builds a migrated template database, from which each test or run gets its own database.
/// </summary>
/// <remarks>
/// Roles. The owner role (NOSUPERUSER, CREATEROLE) runs the migrations and owns the database, as a production
/// migration user would, so FORCE ROW LEVEL SECURITY behaves as it does in production; the superuser only creates
/// roles and databases. Migrations that need a superuser fail with a message that says so;
/// <see cref="WithMigrationsAsSuperuser"/> runs them as the superuser instead.
/// Roles are shared by every database on a server: the application role is created before the migrations (so their
/// GRANTs work), a CREATE ROLE in the migrations for a role that exists is applied as a redefinition of it, and so
/// many templates whose migrations all create <c>app_user</c> can share one server. Templates that need different
/// definitions of the same role at the same time need different role names or their own server.
/// </remarks>
public sealed class TenantDatabaseBuilder
{
    private readonly PostgresServer _server;
    private string? _migrations;
    private string _appRole = "app_user";
    private string _appPassword = "tenantguard";
    public const string DefaultOwnerRole = "tenantguard_owner";

    private string _ownerRole = DefaultOwnerRole;
    private string? _ownerPassword;
    private string _tenantColumn = "tenant_id";
    private string? _tenantSetting;
    private bool _migrationsAsSuperuser;
    private IProgress<string>? _progress;

    public TenantDatabaseBuilder(PostgresServer server)
    {
        _server = server;
    }

    /// <summary>The folder of <c>*.sql</c> migrations, applied in file-name order (ordinal).</summary>
    public TenantDatabaseBuilder WithMigrations(string folder)
    {
        _migrations = folder;
        return this;
    }

    /// <summary>The role the application connects as (default <c>app_user</c>); the checks run as it.</summary>
    public TenantDatabaseBuilder WithAppRole(string role, string password = "tenantguard")
    {
        _appRole = RequireName(role, nameof(role));
        _appPassword = password;
        return this;
    }

    /// <summary>
    /// The non-superuser role that runs the migrations and owns the database (default <c>tenantguard_owner</c>).
    /// Created when missing; the password of an existing role is never changed, so on a server that checks passwords
    /// give it here.
    /// </summary>
    public TenantDatabaseBuilder WithOwnerRole(string role, string? password = null)
    {
        _ownerRole = RequireName(role, nameof(role));
        _ownerPassword = password;
        return this;
    }

    /// <summary>The column that holds the tenant (default <c>tenant_id</c>).</summary>
    public TenantDatabaseBuilder WithTenantColumn(string column)
    {
        _tenantColumn = RequireName(column, nameof(column));
        return this;
    }

    /// <summary>The setting that carries the current tenant; null detects it from the policies' current_setting calls.</summary>
    public TenantDatabaseBuilder WithTenantSetting(string? name)
    {
        _tenantSetting = string.IsNullOrWhiteSpace(name) ? null : name;
        return this;
    }

    /// <summary>Runs the migrations as the superuser, for migrations that need one (untrusted extensions, BYPASSRLS roles).</summary>
    public TenantDatabaseBuilder WithMigrationsAsSuperuser(bool enabled = true)
    {
        _migrationsAsSuperuser = enabled;
        return this;
    }

    public TenantDatabaseBuilder WithProgress(IProgress<string> progress)
    {
        _progress = progress;
        return this;
    }

    /// <summary>Creates the roles and a template database, and migrates it once.</summary>
    public async Task<TenantDatabaseTemplate> BuildTemplateAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = _migrations is null ? [] : MigrationFolder.Load(_migrations);
        var admin = _server.AdminDataSource;
        // The default owner is TenantGuard's own role, so its password may be set (to a random one per server); a
        // role the user names keeps the password it has.
        var ownsOwnerRole = _ownerRole == DefaultOwnerRole && _ownerPassword is null;
        var ownerPassword = _ownerPassword ?? _server.GeneratedOwnerPassword;
        await RoleProvisioner.EnsureOwnerAsync(admin, _ownerRole, ownerPassword, ownsOwnerRole, ct).ConfigureAwait(false);
        await RoleProvisioner.EnsureAppRoleAsync(admin, _server.ServerVersion, _appRole, _appPassword, _ownerRole, ct)
            .ConfigureAwait(false);

        var name = "tg_template_" + Guid.NewGuid().ToString("N")[..12];
        await RoleProvisioner.ExecuteAsync(admin,
            $"CREATE DATABASE {SqlIdentifier.Quote(name)} OWNER {SqlIdentifier.Quote(_ownerRole)}", ct).ConfigureAwait(false);
        var template = new TenantDatabaseTemplate(_server, name, new TenantDatabaseTemplate.Roles(
            _ownerRole, ownerPassword, _appRole, _appPassword), _tenantColumn);
        try
        {
            var migrator = _migrationsAsSuperuser
                ? new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(name)) { Pooling = false }
                : new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(name, _ownerRole, ownerPassword)) { Pooling = false };
            var runAs = _migrationsAsSuperuser ? $"{migrator.Username} (superuser)" : _ownerRole;
            var resetRolesAs = _server.Kind == "existing" ? null : admin;
            var summary = await new MigrationRunner(migrator.ConnectionString, resetRolesAs, runAs, _appRole, _progress)
                .ApplyAsync(files, ct).ConfigureAwait(false);
            await RoleProvisioner.EnsureAppRoleCanLogInAsync(admin, _appRole, _appPassword, ct).ConfigureAwait(false);

            var detection = await DetectTenantSettingAsync(name, ct).ConfigureAwait(false);
            template.Complete(detection.Setting, detection.Candidates, summary);
            await template.FreezeAsync(ct).ConfigureAwait(false);
            _progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"template {name} ready: {summary.Files} migration(s), {summary.Statements} statement(s), " +
                $"tenant setting {detection.Setting ?? "(none found)"}, {stopwatch.Elapsed.TotalSeconds:0.00} s"));
            return template;
        }
        catch
        {
            await template.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TenantSettingDetector.Detection> DetectTenantSettingAsync(string database, CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(database)) { Pooling = false };
        var detection = await TenantSettingDetector.DetectAsync(connectionString.ConnectionString, _tenantColumn, ct).ConfigureAwait(false);
        if (_tenantSetting is not null)
        {
            return detection with { Setting = _tenantSetting };
        }

        if (detection.IsAmbiguous)
        {
            var counts = string.Join(", ", detection.Candidates.Select(c => $"{c.Key} ({c.Value})"));
            _progress?.Report($"policies read several settings: {counts}; using {detection.Setting} (override with --tenant-setting)");
        }

        return detection;
    }

    private static string RequireName(string value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A name is required.", parameter) : value;
}
