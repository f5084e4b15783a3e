using Npgsql;

namespace TenantGuard.Harness.Server;

/// <summary>A server the user already runs (managed Postgres, Citus, a local install); never stopped by the harness.</summary>
internal sealed class ExistingPostgresServer : PostgresServer
{
    private ExistingPostgresServer(string adminConnectionString, Version version)
        : base(adminConnectionString, version)
    {
    }

    public override string Kind => "existing";

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
            var version = await QueryVersionAsync(adminConnectionString, ct).ConfigureAwait(false);
            progress?.Report($"connected to existing server {builder.Host}:{builder.Port} (PostgreSQL {version})");
            return new ExistingPostgresServer(adminConnectionString, version);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new HarnessException(
                $"Could not connect to the server {builder.Host}:{builder.Port} as {builder.Username ?? "(default user)"} " +
                $"on database {builder.Database}: {e.Message}. Check the connection string (--connection or TENANTGUARD_CONNECTION).", e);
        }
    }

    protected override ValueTask StopAsync() => ValueTask.CompletedTask;
}
