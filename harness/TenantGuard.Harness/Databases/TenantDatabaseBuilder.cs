using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Harness;

/// <summary>
/// Configures and builds a migrated template database, from which each test or run gets its own database.
/// </summary>
/// <remarks>
/// Roles. The owner role (NOSUPERUSER, CREATEROLE) runs the migrations and owns the database, as a production
/// migration user would, so FORCE ROW LEVEL SECURITY behaves as it does in production; the superuser only creates
/// roles and databases. Migrations that need a superuser fail with a message that says so;
/// <see cref="WithMigrationsAsSuperuser"/> runs them as the superuser instead.
/// The migrations run as written: a role they create (CREATE ROLE, also inside a guarded DO block) is never made
/// beforehand, so their definition is the one checked. Roles they only grant to exist in production before they run,
/// so those are created first, as plain NOSUPERUSER NOBYPASSRLS roles. The application role is then named or inferred
/// (<see cref="AppRoleResolution"/>) and the checks act as it through a throwaway login (<c>tg_act_…</c>), never
/// by changing it. Roles are shared by every database on a server: a CREATE ROLE for a role an earlier template's
/// migrations made is applied as a redefinition of it, so templates that need different definitions of the same
/// role at the same time need different role names or their own server.
/// </remarks>
public sealed class TenantDatabaseBuilder
{
    private readonly PostgresServer _server;
    private string? _migrations;
    private MigrationLayout? _layout;
    private MigrationSet? _loaded;
    private string? _appRole;
    private readonly List<string> _tenantTables = [];
    public const string DefaultOwnerRole = "tenantguard_owner";

    private string? _ownerRole;
    private string? _ownerPassword;
    private string _tenantColumn = "tenant_id";
    private string? _tenantSetting;
    private bool _migrationsAsSuperuser;
    private IProgress<string>? _progress;

    public TenantDatabaseBuilder(PostgresServer server)
    {
        _server = server;
    }

    /// <summary>The migrations: a folder, read in its layout (detected, or given with <see cref="WithMigrationLayout"/>),
    /// or one script file (an EF Core migrations script).</summary>
    public TenantDatabaseBuilder WithMigrations(string path)
    {
        _migrations = path;
        _loaded = null;
        return this;
    }

    /// <summary>How the migrations folder is laid out, which decides the files that run and their order; null (the
    /// default) detects it, and a folder that could be read two ways is then an error asking for it.</summary>
    public TenantDatabaseBuilder WithMigrationLayout(MigrationLayout? layout)
    {
        _layout = layout;
        _loaded = null;
        return this;
    }

    /// <summary>Migrations already read (by the environment, which reads them once before a server starts).</summary>
    internal TenantDatabaseBuilder WithMigrations(MigrationSet migrations)
    {
        _loaded = migrations;
        return this;
    }

    /// <summary>The role the application connects as; the checks act as it. When not given, it is inferred from the
    /// migrations: the one role besides the tables' owners that they grant access to tenant tables.</summary>
    public TenantDatabaseBuilder WithAppRole(string role)
    {
        _appRole = RequireName(role, nameof(role));
        return this;
    }

    /// <summary>Tenant-owned tables without the tenant column, for inferring the app role.</summary>
    public TenantDatabaseBuilder WithTenantTables(params string[] tables)
    {
        _tenantTables.AddRange(tables);
        return this;
    }

    /// <summary>
    /// The non-superuser role that runs the migrations and owns the database (default <c>tenantguard_owner</c>, or on a
    /// server given by connection string <c>tenantguard_owner_&lt;run&gt;</c>, dropped when the run ends).
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

    /// <summary>Creates the roles the migrations rely on and a template database, migrates it once, and finds the
    /// application role and the tenant setting.</summary>
    public async Task<TenantDatabaseTemplate> BuildTemplateAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var migrations = _loaded ?? (_migrations is null ? MigrationSet.None : MigrationLoader.Load(_migrations, _layout));
        if (_progress is not null && migrations.Files.Count > 0)
        {
            foreach (var line in migrations.Describe())
                _progress.Report(line);
        }

        var files = migrations.Files;
        var roles = MigrationRolePlan.Read(files);
        var admin = _server.AdminDataSource;
        if (_migrationsAsSuperuser && !_server.Admin.IsSuperuser)
        {
            throw new HarnessException($"--migrations-as-superuser runs the migrations as the admin connection's role, and {_server.Admin.Role} " +
                                       "is not a superuser. Connect as a superuser, or run the migrations as the owner role (leave the option out).");
        }

        // The default owner is TenantGuard's own role, so its password may be set (to a random one per server); a
        // role the user names keeps the password it has.
        var ownerRole = _ownerRole ?? _server.DefaultOwnerRole;
        var ownsOwnerRole = OwnerRoles.IsHarnessOwner(ownerRole) && _ownerPassword is null;
        var ownerPassword = _ownerPassword ?? _server.GeneratedOwnerPassword;
        await RoleProvisioner.EnsureOwnerAsync(_server, ownerRole, ownerPassword, ownsOwnerRole, ct).ConfigureAwait(false);
        var external = await RoleProvisioner.EnsureExternalRolesAsync(_server, roles.External.Select(r => r.Role), ownerRole, ct)
            .ConfigureAwait(false);
        if (external.Count > 0)
            _progress?.Report($"created before the migrations, which grant to them without creating them: {string.Join(", ", external)}");

        var name = "tg_template_" + Guid.NewGuid().ToString("N")[..12];
        await RoleProvisioner.ExecuteAsync(admin,
            $"CREATE DATABASE {SqlQuoting.QuoteIdentifier(name)} OWNER {SqlQuoting.QuoteIdentifier(ownerRole)}", ct).ConfigureAwait(false);
        var template = new TenantDatabaseTemplate(_server, name, ownerRole, ownerPassword, _tenantColumn);
        try
        {
            if (_server.SharedRun is { } run)
                await run.TagDatabaseAsync(admin, name, ct).ConfigureAwait(false);
            IReadOnlySet<string> rolesBefore = _server.SharedRun is null
                ? new HashSet<string>()
                : await ServerRoles.ReadAsync(admin, ct).ConfigureAwait(false);
            var migrator = _migrationsAsSuperuser
                ? new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(name)) { Pooling = false }
                : new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(name, ownerRole, ownerPassword)) { Pooling = false };
            var runAs = _migrationsAsSuperuser ? $"{migrator.Username} (superuser)" : ownerRole;
            var shared = _server.SharedRun;
            var summary = await new MigrationRunner(migrator.ConnectionString, shared is null ? admin : null,
                    role => shared is null || shared.Created(role) || !rolesBefore.Contains(role), runAs, _progress)
                .ApplyAsync(files, ct, shared is null ? null : c => RecordMigrationRolesAsync(shared, rolesBefore, c)).ConfigureAwait(false);

            var databaseConnection = new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(name)) { Pooling = false };
            var appRole = await AppRoleResolver.ResolveAsync(admin, databaseConnection.ConnectionString,
                new AppRoleResolver.Request(_appRole, _tenantColumn, _tenantTables, _migrationsAsSuperuser ? migrator.Username! : ownerRole,
                    databaseConnection.Username!, roles), ct).ConfigureAwait(false);
            _progress?.Report(appRole.Role is null ? $"app role: {appRole.Problem}" : $"app role {appRole.Origin}");
            template.UseAppRole(appRole, appRole.Role is null ? null : await AppRoleLogin.CreateAsync(_server, appRole.Role, ct).ConfigureAwait(false));

            var detection = await DetectTenantSettingAsync(name, ct).ConfigureAwait(false);
            template.Complete(detection.Setting, detection.Candidates, detection.TenantLiterals, summary);
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

    /// <summary>On a server others use, the roles the migrations made go when the run ends: their names are kept in
    /// the run's tag (roles other runs tagged meanwhile are theirs).</summary>
    private async Task RecordMigrationRolesAsync(SharedServerRun run, IReadOnlySet<string> rolesBefore, CancellationToken ct)
    {
        var now = await ServerRoles.ReadAsync(_server.AdminDataSource, ct).ConfigureAwait(false);
        var others = await run.RolesOfOtherRunsAsync(_server.AdminDataSource, ct).ConfigureAwait(false);
        var made = now.Where(r => !rolesBefore.Contains(r) && !others.Contains(r) && !run.Created(r)).Order(StringComparer.Ordinal).ToList();
        await run.RecordMigrationRolesAsync(_server.AdminDataSource, made, ct).ConfigureAwait(false);
    }

    private async Task<TenantSettingDetector.Detection> DetectTenantSettingAsync(string database, CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionStringFor(database)) { Pooling = false };
        var detection = await TenantSettingDetector.DetectAsync(connectionString.ConnectionString, _tenantColumn, ct).ConfigureAwait(false);
        if (_tenantSetting is not null)
        {
            CheckGivenSetting(detection);
            return detection with { Setting = _tenantSetting };
        }

        if (detection.IsAmbiguous)
        {
            var counts = string.Join(", ", detection.Candidates.Select(c => $"{c.Key} ({c.Value})"));
            _progress?.Report($"policies read several settings: {counts}; using {detection.Setting} (override with --tenant-setting)");
        }

        return detection;
    }

    /// <summary>A given tenant setting must be one the policies compare with the tenant column: any other makes every
    /// attack set a value nothing reads, which proves nothing. Policies that read no setting at all (no RLS yet, or
    /// identities from elsewhere) leave the choice to the user.</summary>
    private void CheckGivenSetting(TenantSettingDetector.Detection detection)
    {
        if (detection.SettingsRead.Count == 0 || detection.Candidates.ContainsKey(_tenantSetting!))
            return;
        var read = detection.Candidates.Select(c => $"{c.Key} (compared with {_tenantColumn} in {c.Value} polic{(c.Value == 1 ? "y" : "ies")})")
            .Concat(detection.Switches.Select(s => $"{s.Key} (compared only with constants in {s.Value} polic{(s.Value == 1 ? "y" : "ies")}: a switch, not a tenant)"))
            .ToList();
        var why = detection.Switches.ContainsKey(_tenantSetting!)
            ? $"the policies compare {_tenantSetting} only with constants: it switches access on or off, it does not say which tenant"
            : $"no policy reads {_tenantSetting}";
        throw new HarnessException(
            $"--tenant-setting {_tenantSetting}: {why}. The policies read {string.Join("; ", read)}. " +
            (detection.Candidates.Count > 0
                ? $"Pass one the policies compare with {_tenantColumn} (--tenant-setting {detection.Candidates.Keys.First()}), or leave the option out to use it."
                : $"No policy compares a setting with {_tenantColumn}; check --tenant-column."));
    }

    private static string RequireName(string value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A name is required.", parameter) : value;
}
