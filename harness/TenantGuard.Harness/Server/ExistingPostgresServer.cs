using Npgsql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A server the user already runs (managed Postgres, Citus, a local install); never stopped by the harness. The
/// admin needs CREATEDB and CREATEROLE, not superuser. What the run creates there is tagged and removed when it ends
/// (<see cref="SharedServerRun"/>).
/// </summary>
internal sealed class ExistingPostgresServer : PostgresServer
{
    private readonly SharedServerRun _run;

    private ExistingPostgresServer(string adminConnectionString, Version version, AdminRights rights, SharedServerRun run)
        : base(adminConnectionString, version, rights)
    {
        _run = run;
    }

    public override string Kind => "existing";

    internal override SharedServerRun SharedRun => _run;

    public static async Task<PostgresServer> ConnectAsync(
        string connectionString, IProgress<string>? progress, CancellationToken ct)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new HarnessException($"The connection string is not valid: {e.Message}. Expected a form like " +
                "\"Host=db.example.com;Username=admin;Password=…\".", e);
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var adminConnectionString = builder.ConnectionString;
        try
        {
            Version version;
            AdminRights rights;
            await using (var connection = new NpgsqlConnection(adminConnectionString))
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
                version = connection.PostgreSqlVersion;
                rights = await AdminRights.ReadAsync(connection, ct).ConfigureAwait(false);
            }

            if (rights.Shortfall($"{builder.Host}:{builder.Port}") is { } shortfall)
                throw shortfall;
            progress?.Report($"connected to existing server {builder.Host}:{builder.Port} (PostgreSQL {version}) as {rights.Role}" +
                             (rights.IsSuperuser ? " (superuser)" : " (CREATEDB, CREATEROLE)"));
            var run = await SharedServerRun.StartAsync(adminConnectionString, progress, ct).ConfigureAwait(false);
            return new ExistingPostgresServer(adminConnectionString, version, rights, run);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new HarnessException(
                $"Could not connect to the server {builder.Host}:{builder.Port} as {builder.Username ?? "(default user)"} " +
                $"on database {builder.Database}: {e.Message}. Check the connection string (--connection or TENANTGUARD_CONNECTION).", e);
        }
    }

    /// <summary>The server keeps running; what this run created on it is removed.</summary>
    protected override ValueTask StopAsync() => _run.DisposeAsync();
}
