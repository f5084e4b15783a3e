using System.Globalization;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>
/// The synthetic tenants, numbered 0..K-1, whose values live in a temporary table (<c>tg_bench_tenants</c>) the
/// set-based inserts join. One value per tenant must fit every table's tenant column: a uuid when any column is a uuid
/// (uuid text fits text columns too), a number when every column is numeric, else text.
/// </summary>
internal sealed record BenchTenants(int Count, string ValueSql, string SqlType)
{
    public const string Table = "tg_bench_tenants";

    public static BenchTenants For(IReadOnlyList<SeedColumn> tenantColumns, int count)
    {
        if (tenantColumns.Any(c => c.BaseType == "uuid"))
            return new BenchTenants(count, "md5('tenantguard-bench-' || idx)::uuid::text", "uuid");
        if (tenantColumns.All(c => c.Category == 'N'))
            return new BenchTenants(count, "(1000000 + idx)::text", tenantColumns[0].SqlType);
        return new BenchTenants(count, "'tenant-' || idx", "text");
    }

    public string CreateSql() =>
        $"CREATE TEMP TABLE {Table} ON COMMIT DROP AS SELECT idx, {ValueSql} AS value " +
        $"FROM generate_series(0, {Count.ToString(CultureInfo.InvariantCulture)} - 1) AS idx; " +
        $"ALTER TABLE {Table} ADD PRIMARY KEY (idx); ANALYZE {Table}";

    /// <summary>Reads the values back in tenant order (what the requests set the tenant setting to).</summary>
    public string SelectSql() => $"SELECT value FROM {Table} ORDER BY idx";
}
