using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Databases;

internal static class DatabaseDropper
{
    /// <summary>Drops a database even while connections to it are open (they are terminated).</summary>
    public static async Task DropAsync(PostgresServer server, string database)
    {
        var quoted = SqlQuoting.QuoteIdentifier(database);
        if (server.ServerVersion.Major >= 13)
        {
            await RoleProvisioner.ExecuteAsync(server.AdminDataSource, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)",
                CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await using (var terminate = server.AdminDataSource.CreateCommand(
                         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()"))
        {
            terminate.Parameters.AddWithValue(database);
            await terminate.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await RoleProvisioner.ExecuteAsync(server.AdminDataSource, $"DROP DATABASE IF EXISTS {quoted}", CancellationToken.None)
            .ConfigureAwait(false);
    }
}
