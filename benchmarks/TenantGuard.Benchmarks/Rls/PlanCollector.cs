using System.Globalization;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// EXPLAIN ANALYZE of every shape × mode as the application role, through the harness's <see cref="PlanExplainer"/>
/// (the same envelope the benchmark uses, rolled back).
/// </summary>
public static class PlanCollector
{
    public static async Task<IReadOnlyList<QueryPlan>> CollectAsync(RlsDataSet data, CancellationToken ct)
    {
        var plans = new List<QueryPlan>();
        var arguments = new RequestSequence(data.Tenants).Next();
        var tenant = arguments.TenantId.ToString(CultureInfo.InvariantCulture);
        foreach (var shape in QueryShapes.All)
        {
            foreach (var mode in RlsModes.All)
            {
                var sql = RlsStatements.For(shape, mode);
                var plan = await PlanExplainer.ExplainAsync(data.App, RlsSqlTemplates.TenantSetting, tenant,
                    (connection, transaction, explain) => RlsRequest.CreateCommand(connection, transaction, explain + sql, arguments), ct);
                plans.Add(new QueryPlan(data.Rows, shape.Key(), mode.Key(), sql, plan));
            }
        }

        return plans;
    }
}
