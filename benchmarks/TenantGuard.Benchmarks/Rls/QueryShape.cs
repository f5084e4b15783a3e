namespace TenantGuard.Benchmarks.Rls;

/// <summary>The request shapes a multi-tenant application runs most.</summary>
public enum QueryShape
{
    PointLookup,
    TenantPage,
    TenantAggregate,
    TwoTableJoin,
    Insert,
    Update,
}

public static class QueryShapes
{
    public static IReadOnlyList<QueryShape> All { get; } = Enum.GetValues<QueryShape>();

    public static string Key(this QueryShape shape) => shape switch
    {
        QueryShape.PointLookup => "point-lookup",
        QueryShape.TenantPage => "tenant-page",
        QueryShape.TenantAggregate => "tenant-aggregate",
        QueryShape.TwoTableJoin => "two-table-join",
        QueryShape.Insert => "insert",
        QueryShape.Update => "update",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    public static string Title(this QueryShape shape) => shape switch
    {
        QueryShape.PointLookup => "point lookup",
        QueryShape.TenantPage => "page (50)",
        QueryShape.TenantAggregate => "aggregate",
        QueryShape.TwoTableJoin => "join",
        QueryShape.Insert => "insert",
        QueryShape.Update => "update",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    public static QueryShape FromKey(string key) =>
        All.FirstOrDefault(s => s.Key() == key, (QueryShape)(-1)) is var shape && shape >= 0
            ? shape
            : throw new ArgumentException($"unknown query shape '{key}'", nameof(key));
}
