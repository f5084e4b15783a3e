using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Harness;

/// <summary>
/// A migrated database used only as a template: copying it is much faster than migrating again, and each copy is
/// independent, so tests run in parallel without sharing state. Dropped on dispose.
/// </summary>
public sealed class TenantDatabaseTemplate : IAsyncDisposable
{
    /// <summary>The owner that ran the migrations, the application role, and the login that acts as it.</summary>
    internal sealed record Roles(string Owner, string OwnerPassword, string App, AppRoleLogin AppLogin);

    private readonly string _owner;
    private readonly string _ownerPassword;
    private Roles? _roles;
    private AppRoleResolution? _appRole;
    private MigrationRunner.Summary? _migrations;
    private int _disposed;

    internal TenantDatabaseTemplate(PostgresServer server, string name, string owner, string ownerPassword, string tenantColumn)
    {
        Server = server;
        Name = name;
        _owner = owner;
        _ownerPassword = ownerPassword;
        TenantColumn = tenantColumn;
    }

    /// <summary>The roles, or a <see cref="HarnessException"/> (exit 2) asking which role the application connects as.</summary>
    private Roles RolesInUse => _roles ?? throw new HarnessException(
        _appRole?.Problem ?? "The template's app role has not been resolved yet.");

    public PostgresServer Server { get; }

    public string Name { get; }

    /// <summary>The role the application connects as, named or inferred; the checks act as it. When it could be
    /// neither (several candidates, none), reading it throws a <see cref="HarnessException"/> that asks.</summary>
    public string AppRole => RolesInUse.App;

    /// <summary>How the app role was found and where its definition comes from, for the report's facts.</summary>
    public string AppRoleOrigin { get; private set; } = "";

    public string OwnerRole => _owner;

    /// <summary>True when the app role was named or inferred; false when reading it would ask the user.</summary>
    public bool HasAppRole => _roles is not null;

    /// <summary>The login whose sessions act as the app role.</summary>
    internal AppRoleLogin AppLogin => RolesInUse.AppLogin;

    public string TenantColumn { get; }

    /// <summary>The tenant setting given, or the one most policies read; null when no policy reads one.</summary>
    public string? TenantSetting { get; private set; }

    /// <summary>Every setting the policies read, with how many policies read it.</summary>
    public IReadOnlyDictionary<string, int> TenantSettingCandidates { get; private set; } = new Dictionary<string, int>();

    /// <summary>Fixed tenant values the policies name (tenant_id = '…'): a shared tenant every tenant sees, whose rows
    /// the attacks seed and try to change.</summary>
    public IReadOnlyCollection<string> TenantLiterals { get; private set; } = [];

    /// <summary>True when the policies read more than one setting, so <see cref="TenantSetting"/> is a choice.</summary>
    public bool IsTenantSettingAmbiguous => TenantSettingCandidates.Count > 1;

    /// <summary>How many migration files and statements were applied.</summary>
    public int MigrationFiles => _migrations?.Files ?? 0;

    public int MigrationStatements => _migrations?.Statements ?? 0;

    public TimeSpan MigrationDuration => _migrations?.Elapsed ?? TimeSpan.Zero;

    /// <summary>A new database copied from the template; safe to call from many tests at once.</summary>
    public async Task<TenantDatabase> CreateDatabaseAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var name = "tg_" + Guid.NewGuid().ToString("N")[..16];
        // From PostgreSQL 15 the default strategy copies block by block through the WAL; copying the files is several
        // times faster for a template of a few megabytes (what it was before 15, and the only strategy there).
        var strategy = Server.ServerVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
        var sql = $"CREATE DATABASE {SqlQuoting.QuoteIdentifier(name)} TEMPLATE {SqlQuoting.QuoteIdentifier(Name)} " +
                  $"OWNER {SqlQuoting.QuoteIdentifier(_owner)}{strategy}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RoleProvisioner.ExecuteAsync(Server.AdminDataSource, sql, ct).ConfigureAwait(false);
                if (Server.SharedRun is { } run)
                    await run.TagDatabaseAsync(Server.AdminDataSource, name, ct).ConfigureAwait(false);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // Only reachable if something connected to the template; give it a moment to go.
                await Task.Delay(50 * attempt, ct).ConfigureAwait(false);
            }
        }

        return new TenantDatabase(Server, name, this, _ownerPassword);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await RoleProvisioner.ExecuteAsync(Server.AdminDataSource,
                $"ALTER DATABASE {SqlQuoting.QuoteIdentifier(Name)} WITH IS_TEMPLATE false ALLOW_CONNECTIONS true", CancellationToken.None)
                .ConfigureAwait(false);
            await DatabaseDropper.DropAsync(Server, Name).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException)
        {
            // The server is gone already (stopped first): so is the template.
        }

        if (_roles is not null)
            await _roles.AppLogin.DropAsync(Server.AdminDataSource).ConfigureAwait(false);
    }

    internal void UseAppRole(AppRoleResolution appRole, AppRoleLogin? login)
    {
        _appRole = appRole;
        if (appRole.Role is not null && login is not null)
            _roles = new Roles(_owner, _ownerPassword, appRole.Role, login);
        AppRoleOrigin = appRole.Origin;
    }

    internal void Complete(string? tenantSetting, IReadOnlyDictionary<string, int> candidates, IReadOnlyCollection<string> tenantLiterals,
        MigrationRunner.Summary migrations)
    {
        TenantLiterals = tenantLiterals;
        TenantSetting = tenantSetting;
        TenantSettingCandidates = candidates;
        _migrations = migrations;
    }

    /// <summary>Marks the database as a template and closes it to connections, so copies never wait for one.</summary>
    internal async Task FreezeAsync(CancellationToken ct)
    {
        var quoted = SqlQuoting.QuoteIdentifier(Name);
        await RoleProvisioner.ExecuteAsync(Server.AdminDataSource,
            $"ALTER DATABASE {quoted} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", ct).ConfigureAwait(false);
        await using var terminate = Server.AdminDataSource.CreateCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()");
        terminate.Parameters.AddWithValue(Name);
        await terminate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
