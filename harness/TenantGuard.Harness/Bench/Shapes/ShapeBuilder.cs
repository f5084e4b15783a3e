using System.Globalization;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Harness.Bench.Seeding;

namespace TenantGuard.Harness.Bench.Shapes;

/// <summary>
/// The standard shapes of one tenant table, each as the RLS statement and its baseline (the same statement plus
/// <c>tenant = $n</c>): a point lookup by primary key, a tenant page ordered by it, a tenant aggregate, a join along
/// each foreign key to a tenant parent, an insert and an update (both rolled back). A shape that cannot apply says why.
/// </summary>
internal sealed class ShapeBuilder(SeedSchema schema, string tenantColumn, TableSamples samples)
{
    /// <summary>The constant row number the insert's generated values use: past every seeded row, so keys stay unique.</summary>
    private const string InsertRow = "1000000001";

    public (List<BenchQuery> Queries, List<SkippedQuery> Skipped) For(SeedTable table)
    {
        var queries = new List<BenchQuery>();
        var skipped = new List<SkippedQuery>();
        var rows = samples.Of(table);
        string Key(string shape) => $"{table.Name}/{shape}";
        if (rows.Count == 0)
        {
            skipped.Add(new SkippedQuery(Key("*"), "no rows were seeded for the sampled tenants"));
            return (queries, skipped);
        }

        var tenant = table.Column(tenantColumn)!;
        var keys = table.PrimaryKey.Where(c => c != tenantColumn).Select(c => table.Column(c)!).ToList();
        var t = SqlText.Identifier(tenantColumn);

        if (!table.AppCanSelect)
        {
            skipped.Add(new SkippedQuery(Key("reads"), "the app role may not SELECT from it"));
        }
        else if (keys.Count == 0)
        {
            skipped.Add(new SkippedQuery(Key("point-lookup"), "no primary key besides the tenant column"));
        }
        else
        {
            var match = string.Join(" AND ", keys.Select((c, i) => $"{SqlText.Identifier(c.Name)} = {Param(i + 1, c)}"));
            queries.Add(Read(BenchShape.PointLookup, $"SELECT * FROM {table.Sql} WHERE {match}", " AND ",
                rows.Select(r => (r.Tenant, keys.Select(c => r.Row[c.Name]!).ToList()))));
            var order = string.Join(", ", keys.Select(c => SqlText.Identifier(c.Name)));
            queries.Add(Read(BenchShape.TenantPage, $"SELECT * FROM {table.Sql}{{0}} ORDER BY {order} LIMIT 50", " WHERE ", NoArguments(rows)));
        }

        if (table.AppCanSelect)
        {
            queries.Add(Read(BenchShape.TenantAggregate, $"SELECT count(*) FROM {table.Sql}{{0}}", " WHERE ", NoArguments(rows)));
            foreach (var foreignKey in table.ForeignKeys.Where(f => f.ReferencedTable != table.QualifiedName))
            {
                if (Join(table, foreignKey, rows) is { } join)
                    queries.Add(join);
            }
        }

        if (!table.AppCanInsert)
            skipped.Add(new SkippedQuery(Key("insert"), "the app role may not INSERT into it"));
        else if (Insert(table, rows, out var reason) is { } insert)
            queries.Add(insert);
        else
            skipped.Add(new SkippedQuery(Key("insert"), reason!));

        var updated = table.Columns.FirstOrDefault(c => !c.DatabaseFilled && c.Name != tenantColumn && !table.PrimaryKey.Contains(c.Name)
                                                        && !table.ForeignKeys.Any(f => f.Columns.Contains(c.Name)));
        if (!table.AppCanUpdate || keys.Count == 0 || updated is null)
        {
            skipped.Add(new SkippedQuery(Key("update"), !table.AppCanUpdate ? "the app role may not UPDATE it"
                : keys.Count == 0 ? "no primary key besides the tenant column" : "every column is part of a key"));
        }
        else
        {
            var match = string.Join(" AND ", keys.Select((c, i) => $"{SqlText.Identifier(c.Name)} = {Param(i + 1, c)}"));
            var set = SqlText.Identifier(updated.Name);
            queries.Add(Read(BenchShape.Update, $"UPDATE {table.Sql} SET {set} = {set} WHERE {match}", " AND ",
                rows.Select(r => (r.Tenant, keys.Select(c => r.Row[c.Name]!).ToList()))) with { Rollback = true });
        }

        return (queries, skipped);

        // The baseline appends the tenant filter: after the WHERE of a statement that has one, else where {0} stands.
        BenchQuery Read(BenchShape shape, string sql, string joiner, IEnumerable<(string Tenant, List<string> Arguments)> requests)
        {
            var list = requests.ToList();
            var n = list[0].Arguments.Count + 1;
            var filter = $"{t} = {Param(n, tenant)}";
            var (rls, baseline) = sql.Contains("{0}", StringComparison.Ordinal)
                ? (sql.Replace("{0}", "", StringComparison.Ordinal), sql.Replace("{0}", joiner + filter, StringComparison.Ordinal))
                : (sql, sql + joiner + filter);
            return new BenchQuery(Key(shape.Key()), shape, table.QualifiedName, rls, baseline, false,
                list.Select(r => new BenchRequest(r.Tenant, r.Arguments, [.. r.Arguments, r.Tenant])).ToList());
        }
    }

    /// <summary>The parent row and its children, found by the parent's key: FROM parent JOIN child ON the foreign key.</summary>
    private BenchQuery? Join(SeedTable table, SeedForeignKey foreignKey, IReadOnlyList<(string Tenant, SeededRow Row)> rows)
    {
        var parent = schema.Table(foreignKey.ReferencedTable);
        if (parent?.Column(tenantColumn) is null || foreignKey.Columns.Count == 1 && foreignKey.Columns[0] == tenantColumn)
            return null; // a global parent or the tenants table: no tenant policy on the other side
        var on = string.Join(" AND ", foreignKey.Columns.Select((c, i) => $"c.{SqlText.Identifier(c)} = p.{SqlText.Identifier(foreignKey.ReferencedColumns[i])}"));
        var lookup = foreignKey.ReferencedColumns.Select((c, i) => (Parent: c, Child: foreignKey.Columns[i])).Where(p => p.Parent != tenantColumn).ToList();
        var where = string.Join(" AND ", lookup.Select((p, i) => $"p.{SqlText.Identifier(p.Parent)} = {Param(i + 1, parent.Column(p.Parent)!)}"));
        var n = lookup.Count + 1;
        var tenant = Param(n, table.Column(tenantColumn)!);
        var sql = $"SELECT p.*, c.* FROM {parent.Sql} AS p JOIN {table.Sql} AS c ON {on} WHERE {where} LIMIT 50";
        var baseline = sql.Replace(" LIMIT 50", $" AND p.{SqlText.Identifier(tenantColumn)} = {tenant} AND c.{SqlText.Identifier(tenantColumn)} = {tenant} LIMIT 50",
            StringComparison.Ordinal);
        var requests = rows.Where(r => lookup.All(p => r.Row[p.Child] is not null))
            .Select(r =>
            {
                var arguments = lookup.Select(p => r.Row[p.Child]!).ToList();
                return new BenchRequest(r.Tenant, arguments, [.. arguments, r.Tenant]);
            }).ToList();
        if (requests.Count == 0)
            return null;
        // Two keys to the same parent (created_by, assigned_to) are told apart by their column.
        var name = table.ForeignKeys.Count(f => f.ReferencedTable == parent.QualifiedName) > 1
            ? $"join-{parent.Name}-{foreignKey.Columns.Last()}"
            : $"join-{parent.Name}";
        return new BenchQuery($"{table.Name}/{name}", BenchShape.Join, table.QualifiedName, sql, baseline, false, requests);
    }

    /// <summary>One row as the application would insert it: the tenant and the foreign keys of a sampled row of the same
    /// tenant, every other column the seeder's value for a row number past the seeded ones, defaults left to the table.</summary>
    private BenchQuery? Insert(SeedTable table, IReadOnlyList<(string Tenant, SeededRow Row)> rows, out string? reason)
    {
        reason = null;
        var keyColumns = table.PrimaryKey.Concat(table.UniqueKeys.SelectMany(u => u)).ToHashSet(StringComparer.Ordinal);
        var foreignColumns = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
        // The row copies a sampled row's tenant and parents: a key made of nothing else would repeat that row's.
        var keys = table.UniqueKeys.Append(table.PrimaryKey).Where(k => k.Count > 0);
        if (keys.Any(k => k.All(c => c == tenantColumn || foreignColumns.Contains(c))))
        {
            reason = "a key is made of the tenant and foreign keys only, so a new row needs parents no row has yet";
            return null;
        }

        var checks = CheckConstraintValues.Read(table.Checks);
        var columns = new List<string>();
        var values = new List<string>();
        var fromRow = new List<string>();
        foreach (var column in table.Columns.Where(c => !c.DatabaseFilled))
        {
            if (column.Name == tenantColumn || foreignColumns.Contains(column.Name))
            {
                fromRow.Add(column.Name);
                columns.Add(column.Name);
                values.Add(Param(fromRow.Count, column));
            }
            else if (!column.HasDefault && SeriesValues.For(column, InsertRow, checks.GetValueOrDefault(column.Name), keyColumns.Contains(column.Name))
                     is { } expression)
            {
                columns.Add(column.Name);
                values.Add(expression);
            }
            else if (!column.HasDefault && column.NotNull)
            {
                reason = $"column {column.Name} has type {column.SqlType}, which the bench cannot generate";
                return null;
            }
        }

        var sql = $"INSERT INTO {table.Sql} ({string.Join(", ", columns.Select(SqlText.Identifier))}) VALUES ({string.Join(", ", values)})";
        var requests = rows.Select(r =>
        {
            var arguments = fromRow.Select(c => c == tenantColumn ? r.Tenant : r.Row[c]).ToList();
            return arguments.Any(a => a is null) ? null : new BenchRequest(r.Tenant, arguments!, arguments!);
        }).OfType<BenchRequest>().ToList();
        if (requests.Count == 0)
        {
            reason = "no sampled row has every foreign key set";
            return null;
        }

        return new BenchQuery($"{table.Name}/insert", BenchShape.Insert, table.QualifiedName, sql, sql, true, requests);
    }

    private static IEnumerable<(string Tenant, List<string> Arguments)> NoArguments(IReadOnlyList<(string Tenant, SeededRow Row)> rows) =>
        rows.Select(r => r.Tenant).Distinct().Select(tenant => (tenant, new List<string>()));

    /// <summary>$n cast to the column's type: arguments travel as text.</summary>
    private static string Param(int n, SeedColumn column) => $"${n.ToString(CultureInfo.InvariantCulture)}::{column.SqlType}";
}
