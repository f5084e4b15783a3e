namespace TenantGuard.Harness.Bench.Shapes;

/// <summary>The request shapes measured on every tenant table, and the team's own queries.</summary>
public enum BenchShape
{
    PointLookup,
    TenantPage,
    TenantAggregate,
    Join,
    Insert,
    Update,
    Query,
}

public static class BenchShapes
{
    public static string Key(this BenchShape shape) => shape switch
    {
        BenchShape.PointLookup => "point-lookup",
        BenchShape.TenantPage => "tenant-page",
        BenchShape.TenantAggregate => "tenant-aggregate",
        BenchShape.Join => "join",
        BenchShape.Insert => "insert",
        BenchShape.Update => "update",
        _ => "query",
    };

    public static string Title(this BenchShape shape) => shape switch
    {
        BenchShape.PointLookup => "point lookup",
        BenchShape.TenantPage => "page (50)",
        BenchShape.TenantAggregate => "aggregate",
        BenchShape.Join => "join (worst)",
        BenchShape.Insert => "insert",
        BenchShape.Update => "update",
        _ => "your query",
    };
}
