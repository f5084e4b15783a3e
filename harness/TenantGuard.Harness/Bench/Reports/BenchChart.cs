using TenantGuard.Harness.Bench.Charts;
using TenantGuard.Harness.Bench.Results;
using TenantGuard.Harness.Bench.Shapes;

namespace TenantGuard.Harness.Bench.Reports;

/// <summary>The run as a chart: one group of bars per table (and per query of the team's own), one colour per shape;
/// a table's joins are shown by the worst of them.</summary>
public static class BenchChart
{
    public static void Render(BenchResults results, string path)
    {
        var groups = results.Queries.Select(GroupOf).Distinct().ToList();
        var shapes = Enum.GetValues<BenchShape>().Where(s => results.Queries.Any(q => q.Shape == s.Key())).ToList();
        var series = shapes.Select(shape => new RatioSeries(shape.Title(), groups
                .Select(group => results.Queries.Where(q => q.Shape == shape.Key() && GroupOf(q) == group)
                    .Select(q => (double?)q.Ratio.Median).DefaultIfEmpty(null).Max())
                .ToList()))
            .ToList();
        var width = Math.Clamp(160 * groups.Count, 900, 2400);
        RatioChart.Render(
            $"RLS cost per request, ratio to the same query with WHERE tenant = $1 and no RLS ({results.Data.RowsPerTable:N0} rows per table, {results.Data.Tenants} tenants)",
            "ratio to no RLS (log scale)", groups, series, path, width);
    }

    private static string GroupOf(QueryResult query) => query.Key[..query.Key.IndexOf('/')] switch
    {
        "query" => query.Key["query/".Length..],
        var table => table,
    };
}
