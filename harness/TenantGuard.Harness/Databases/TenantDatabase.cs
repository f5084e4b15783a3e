using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness;

/// <summary>
/// One migrated database for one test or run, with connection strings and data sources for its three roles.
/// Dropped on dispose (open connections are terminated).
/// </summary>
public sealed class TenantDatabase : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _ownerDataSource;
    private readonly Lazy<NpgsqlDataSource> _appDataSource;
    private int _disposed;

    internal TenantDatabase(PostgresServer server, string name, TenantDatabaseTemplate.Roles roles, string tenantColumn,
        string? tenantSetting, IReadOnlyDictionary<string, int> tenantSettingCandidates)
    {
        Server = server;
        Name = name;
        AppRole = roles.App;
        OwnerRole = roles.Owner;
        TenantColumn = tenantColumn;
        TenantSetting = tenantSetting;
        TenantSettingCandidates = tenantSettingCandidates;
        OwnerConnectionString = server.ConnectionStringFor(name, roles.Owner, roles.OwnerPassword);
        AppConnectionString = server.ConnectionStringFor(name, roles.App, roles.AppPassword);
        AdminConnectionString = server.ConnectionStringFor(name);
        _ownerDataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(OwnerConnectionString));
        _appDataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(AppConnectionString));
    }

    public PostgresServer Server { get; }

    public string Name { get; }

    /// <summary>The role the application connects as: never a superuser, never BYPASSRLS unless the migrations say so.</summary>
    public string AppRole { get; }

    /// <summary>The role that ran the migrations and owns the database.</summary>
    public string OwnerRole { get; }

    public string TenantColumn { get; }

    /// <summary>The setting the policies read the tenant from (given, or detected); null when none was found.</summary>
    public string? TenantSetting { get; }

    /// <summary>Every setting the policies read, with how many policies read it.</summary>
    public IReadOnlyDictionary<string, int> TenantSettingCandidates { get; }

    /// <summary>True when the policies read more than one setting, so <see cref="TenantSetting"/> is a choice.</summary>
    public bool IsTenantSettingAmbiguous => TenantSettingCandidates.Count > 1;

    public string OwnerConnectionString { get; }

    public string AppConnectionString { get; }

    /// <summary>The superuser (or the existing server's given user) on this database.</summary>
    public string AdminConnectionString { get; }

    public NpgsqlDataSource OwnerDataSource => _ownerDataSource.Value;

    public NpgsqlDataSource AppDataSource => _appDataSource.Value;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_ownerDataSource.IsValueCreated)
        {
            await _ownerDataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (_appDataSource.IsValueCreated)
        {
            await _appDataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        // Connections opened with the connection strings directly sit in Npgsql's global pools.
        foreach (var connectionString in new[] { OwnerConnectionString, AppConnectionString, AdminConnectionString })
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            await DatabaseDropper.DropAsync(Server, Name).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException)
        {
            // The server is gone already (stopped first): so is the database.
        }
    }
}
