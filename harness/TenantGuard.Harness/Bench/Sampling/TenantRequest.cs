using Npgsql;

namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>
/// One application request as an app on a pooled connection pays for it: open, BEGIN, the tenant set with
/// set_config(setting, tenant, true) (transaction-local, so it cannot leak to the next request), the statement, then
/// COMMIT (or ROLLBACK, for writes a measurement must not keep). Both sides of a comparison pay the same envelope, so a
/// ratio isolates what the policy costs.
/// </summary>
public static class TenantRequest
{
    public const string SetTenantSql = "SELECT set_config($1, $2, true)";

    public static async Task ExecuteAsync(
        NpgsqlDataSource source, string setting, string tenant, Func<NpgsqlConnection, NpgsqlTransaction, NpgsqlCommand> statement,
        bool rollback, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await SetTenantAsync(connection, transaction, setting, tenant, ct).ConfigureAwait(false);
        await using (var command = statement(connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
            }
        }

        if (rollback)
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
        else
            await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public static async Task SetTenantAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string setting, string tenant,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(SetTenantSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = setting });
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
