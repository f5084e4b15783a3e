namespace TenantGuard.Harness.Bench.Shapes;

/// <summary>
/// One comparison: the statement the application runs through RLS (as the app role, the tenant set for the
/// transaction) and the baseline (the same statement with an explicit tenant filter, as a role RLS does not apply to).
/// Arguments are text, cast in the SQL (<c>$1::uuid</c>), so both sides bind the same way.
/// </summary>
/// <param name="Key">table/shape (events/point-lookup, tasks/join-events) or query/name.</param>
/// <param name="Table">The table whose policies the RLS side goes through; null for a query of the team's own.</param>
/// <param name="Rollback">Writes are rolled back so every request finds the same data.</param>
/// <param name="Source">Where a query of the team's own comes from (file:line), for errors.</param>
public sealed record BenchQuery(
    string Key, BenchShape Shape, string? Table, string RlsSql, string BaselineSql, bool Rollback, IReadOnlyList<BenchRequest> Requests,
    string? Source = null);

/// <summary>One request's tenant and arguments, for each side.</summary>
public sealed record BenchRequest(string Tenant, IReadOnlyList<string> Rls, IReadOnlyList<string> Baseline);

/// <summary>A shape that does not apply to a table, and why (no primary key, the app role may not insert…).</summary>
public sealed record SkippedQuery(string Key, string Reason);
