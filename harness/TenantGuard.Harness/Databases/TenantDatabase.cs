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
    private readonly TenantDatabaseTemplate _template;
    private readonly Lazy<NpgsqlDataSource> _ownerDataSource;
    private readonly Lazy<NpgsqlDataSource> _appDataSource;
    private int _disposed;

    internal TenantDatabase(PostgresServer server, string name, TenantDatabaseTemplate template, string ownerPassword)
    {
        Server = server;
        Name = name;
        _template = template;
        AppRoleOrigin = template.AppRoleOrigin;
        OwnerRole = template.OwnerRole;
        TenantColumn = template.TenantColumn;
        TenantSetting = template.TenantSetting;
        TenantSettingCandidates = template.TenantSettingCandidates;
        TenantLiterals = template.TenantLiterals;
        OwnerConnectionString = server.ConnectionStringFor(name, OwnerRole, ownerPassword);
        AdminConnectionString = server.ConnectionStringFor(name);
        _ownerDataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(OwnerConnectionString));
        _appDataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(AppConnectionString));
    }

    public PostgresServer Server { get; }

    public string Name { get; }

    /// <summary>The role the application connects as, with the attributes the migrations gave it. When it could not
    /// be named or inferred, reading it throws a <see cref="HarnessException"/> that asks which role it is.</summary>
    public string AppRole => _template.AppRole;

    /// <summary>How the app role was found (named or inferred) and where its definition comes from.</summary>
    public string AppRoleOrigin { get; }

    /// <summary>The role that ran the migrations and owns the database.</summary>
    public string OwnerRole { get; }

    public string TenantColumn { get; }

    /// <summary>The setting the policies read the tenant from (given, or detected); null when none was found.</summary>
    public string? TenantSetting { get; }

    /// <summary>Every setting the policies read, with how many policies read it.</summary>
    public IReadOnlyDictionary<string, int> TenantSettingCandidates { get; }

    /// <summary>Fixed tenant values the policies name: a shared tenant every tenant sees.</summary>
    public IReadOnlyCollection<string> TenantLiterals { get; }

    /// <summary>True when the policies read more than one setting, so <see cref="TenantSetting"/> is a choice.</summary>
    public bool IsTenantSettingAmbiguous => TenantSettingCandidates.Count > 1;

    public string OwnerConnectionString { get; }

    /// <summary>Connects as a throwaway login whose sessions act as <see cref="AppRole"/> (current_user is the app role),
    /// so the app role itself is checked exactly as the migrations left it.</summary>
    public string AppConnectionString => Server.ConnectionStringFor(Name, _template.AppLogin.Name, _template.AppLogin.Password);

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
        foreach (var connectionString in new[] { OwnerConnectionString, AdminConnectionString }
                     .Concat(_template.HasAppRole ? [AppConnectionString] : []))
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
