using Npgsql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A running PostgreSQL server the harness can create databases on: an embedded throwaway server, a Testcontainers
/// container, or an existing server given by connection string. Disposing stops what the harness started.
/// </summary>
public abstract class PostgresServer : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _adminDataSource;

    private protected PostgresServer(string adminConnectionString, Version serverVersion, AdminRights? adminRights = null)
    {
        AdminConnectionString = adminConnectionString;
        ServerVersion = serverVersion;
        Admin = adminRights ?? AdminRights.Superuser(new NpgsqlConnectionStringBuilder(adminConnectionString).Username ?? "postgres");
        _adminDataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(adminConnectionString));
    }

    /// <summary>
    /// Set by an application that turns SIGTERM into a graceful shutdown of its own (cancel, then dispose its servers),
    /// as the tenantguard command and a generic host do. Embedded servers are otherwise stopped the moment SIGTERM
    /// arrives — before such an application's handler runs — which fails the work in progress instead of cancelling it.
    /// Process exit still stops whatever the shutdown left.
    /// </summary>
    public static bool ApplicationHandlesTermination
    {
        get => ExitCleanup.HostHandlesTermination;
        set => ExitCleanup.HostHandlesTermination = value;
    }

    /// <summary>"embedded", "testcontainers" or "existing".</summary>
    public abstract string Kind { get; }

    /// <summary>The superuser (or, for an existing server, the given user) on the maintenance database.</summary>
    public string AdminConnectionString { get; }

    public Version ServerVersion { get; }

    /// <summary>The admin connection string pointed at another database and, optionally, another role.</summary>
    public string ConnectionStringFor(string database, string? username = null, string? password = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database };
        if (username is not null)
        {
            builder.Username = username;
            builder.Password = password;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The password of the owner role on this server: random, so an owner role created on a reachable existing server
    /// cannot be logged into by anyone else; set again on every template build.
    /// </summary>
    internal string GeneratedOwnerPassword { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>What the admin connection's role may do: superuser on servers the harness starts; on others, at
    /// least CREATEDB and CREATEROLE.</summary>
    internal AdminRights Admin { get; }

    /// <summary>The run's footprint on a server others use too; null on servers the harness started (removed whole).</summary>
    internal virtual SharedServerRun? SharedRun => null;

    /// <summary>The harness's own owner role on this server.</summary>
    internal string DefaultOwnerRole => SharedRun?.OwnerRole ?? OwnerRoles.ServerWide;

    /// <summary>Pooled admin connections, used to create and drop roles and databases.</summary>
    internal NpgsqlDataSource AdminDataSource => _adminDataSource.Value;

    public async ValueTask DisposeAsync()
    {
        if (_adminDataSource.IsValueCreated)
        {
            await _adminDataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops whatever the harness started; an existing server is left running.</summary>
    protected abstract ValueTask StopAsync();

    /// <summary>Reads the server version through a fresh connection (used once a server answers).</summary>
    internal static async Task<Version> QueryVersionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection.PostgreSqlVersion;
    }
}
