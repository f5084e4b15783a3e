using System.Text;
using Npgsql;

namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>
/// EXPLAIN ANALYZE of a statement inside the request envelope, always rolled back (inserts and updates leave nothing
/// behind). COSTS and TIMING are off so plans compare across runs and machines; BUFFERS off for the same reason.
/// </summary>
public static class PlanExplainer
{
    public const string Prefix = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) ";

    public static async Task<string> ExplainAsync(
        NpgsqlDataSource source, string setting, string tenant, Func<NpgsqlConnection, NpgsqlTransaction, string, NpgsqlCommand> statement,
        CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await TenantRequest.SetTenantAsync(connection, transaction, setting, tenant, ct).ConfigureAwait(false);
        var plan = new StringBuilder();
        await using (var command = statement(connection, transaction, Prefix))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                plan.AppendLine(reader.GetString(0));
        }

        await transaction.RollbackAsync(ct).ConfigureAwait(false);
        return plan.ToString().TrimEnd();
    }
}
