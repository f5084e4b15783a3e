using System.Text;
using Npgsql;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// EXPLAIN ANALYZE of every shape × mode as the application role, inside the same envelope the benchmark uses and
/// rolled back (inserts and updates leave nothing behind). COSTS and TIMING are off so plans compare across runs.
/// </summary>
public static class PlanCollector
{
    private const string Explain = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) ";

    public static async Task<IReadOnlyList<QueryPlan>> CollectAsync(RlsDataSet data, CancellationToken ct)
    {
        var plans = new List<QueryPlan>();
        var arguments = new RequestSequence(data.Tenants).Next();
        foreach (var shape in QueryShapes.All)
        {
            foreach (var mode in RlsModes.All)
            {
                var sql = RlsStatements.For(shape, mode);
                plans.Add(new QueryPlan(data.Rows, shape.Key(), mode.Key(), sql, await ExplainAsync(data.App, sql, arguments, ct)));
            }
        }

        return plans;
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource app, string sql, RequestArguments arguments, CancellationToken ct)
    {
        await using var connection = await app.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TenantRequest.SetTenantAsync(connection, transaction, arguments.TenantId, ct);
        var plan = new StringBuilder();
        await using (var command = TenantRequest.CreateCommand(connection, transaction, Explain + sql, arguments))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync(ct);
        return plan.ToString().TrimEnd();
    }
}
