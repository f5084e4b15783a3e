using System.Globalization;
using System.Text;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>
/// One INSERT … SELECT … FROM generate_series for a whole table: row g belongs to tenant <c>ti</c> and is that
/// tenant's row number <c>i</c> (the whale takes the first rows, the others take turns), and each foreign key points at
/// the parent row of the same tenant numbered <c>i</c> modulo that tenant's parent count, so children spread over
/// their parents and never cross tenants. A parent without the tenant column is picked by <c>g</c> modulo its rows.
/// </summary>
internal sealed class SeriesInsert(SeedSchema schema, string tenantColumn, BenchTenants tenants, SeedTable? tenantsTable)
{
    /// <summary>The statement, or why the table cannot be filled this way.</summary>
    public (string? Sql, string? Problem) ForTenantTable(SeedTable table, BenchDataShape shape)
    {
        var rows = table.IsOneRowPerValueOf(tenantColumn) ? tenants.Count : shape.Rows;
        var whale = table.IsOneRowPerValueOf(tenantColumn) ? 0 : shape.WhaleRows;
        var (first, others) = whale > 0 ? shape.Others : (0, tenants.Count);
        var w = Number(whale);
        var series = $"(SELECT g, CASE WHEN g <= {w} THEN 0 ELSE {first} + (g - {w} - 1) % {others} END AS ti, " +
                     $"CASE WHEN g <= {w} THEN g - 1 ELSE (g - {w} - 1) / {others} END AS i " +
                     $"FROM generate_series(1::bigint, {Number(rows)}) AS g) AS s";
        var from = new StringBuilder(series).Append($" JOIN {BenchTenants.Table} AS t ON t.idx = s.ti");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [tenantColumn] = TenantValue(table.Column(tenantColumn)!),
        };
        return Complete(table, from, values, "s.g", tenantScoped: true);
    }

    /// <summary>A table without the tenant column that tenant tables reference: a few rows, when it has none.</summary>
    public (string? Sql, string? Problem) ForGlobalTable(SeedTable table, int rows) =>
        Complete(table, new StringBuilder($"generate_series(1::bigint, {rows}) AS s(g)"), [], "s.g", tenantScoped: false);

    /// <summary>The tenants table (tenants, organizations…): one row per tenant, its key the tenant's value.</summary>
    public (string? Sql, string? Problem) ForTenantsTable(SeedTable table, string keyColumn)
    {
        var from = new StringBuilder($"(SELECT idx + 1 AS g, idx, value FROM {BenchTenants.Table}) AS t");
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [keyColumn] = $"t.value::{table.Column(keyColumn)!.SqlType}" };
        return Complete(table, from, values, "t.g", tenantScoped: false);
    }

    private (string? Sql, string? Problem) Complete(
        SeedTable table, StringBuilder from, Dictionary<string, string> values, string g, bool tenantScoped)
    {
        var scopedCounts = new List<string>();
        var k = 0;
        foreach (var foreignKey in table.ForeignKeys)
        {
            if (foreignKey.ReferencedTable == table.QualifiedName)
            {
                if (foreignKey.Columns.Any(c => table.Column(c)!.NotNull && !values.ContainsKey(c)))
                    return (null, $"column {foreignKey.Columns[0]} references the table itself and is NOT NULL");
                continue;
            }

            if (foreignKey.Columns.All(values.ContainsKey))
                continue; // the tenant column alone, pointing at the tenants table: the tenant's value is the key
            var parent = schema.Table(foreignKey.ReferencedTable);
            if (parent is null)
                return (null, $"its foreign key {foreignKey.Name} references {foreignKey.ReferencedTable}, which the bench cannot read");

            var alias = "p" + k.ToString(CultureInfo.InvariantCulture);
            var count = "c" + k.ToString(CultureInfo.InvariantCulture);
            var keys = string.Join(", ", foreignKey.ReferencedColumns.Select(SqlText.Identifier));
            var scoped = tenantScoped && parent.Column(tenantColumn) is not null && parent != tenantsTable;
            if (scoped)
            {
                var parentTenant = SqlText.Identifier(tenantColumn);
                var tenantValue = TenantValue(parent.Column(tenantColumn)!);
                // Spread a second key over its parents differently from the first, so a junction table's pairs differ.
                var spread = scopedCounts.Count == 0 ? "s.i" : $"(s.i + s.i / {scopedCounts[^1]}.n)";
                from.Append($" JOIN (SELECT {parentTenant} AS tenant, count(*) AS n FROM {parent.Sql} GROUP BY 1) AS {count} ON {count}.tenant = {tenantValue}");
                from.Append($" JOIN (SELECT {keys}, {parentTenant} AS tenant, row_number() OVER (PARTITION BY {parentTenant} ORDER BY {keys}) - 1 AS rn " +
                            $"FROM {parent.Sql}) AS {alias} ON {alias}.tenant = {tenantValue} AND {alias}.rn = {spread} % {count}.n");
                scopedCounts.Add(count);
            }
            else
            {
                from.Append($" CROSS JOIN (SELECT count(*) AS n FROM {parent.Sql}) AS {count}");
                from.Append($" JOIN (SELECT {keys}, row_number() OVER (ORDER BY {keys}) - 1 AS rn FROM {parent.Sql}) AS {alias} " +
                            $"ON {alias}.rn = {g} % {count}.n");
            }

            for (var c = 0; c < foreignKey.Columns.Count; c++)
                values.TryAdd(foreignKey.Columns[c], $"{alias}.{SqlText.Identifier(foreignKey.ReferencedColumns[c])}");
            k++;
        }

        var checks = CheckConstraintValues.Read(table.Checks);
        var keyColumns = table.PrimaryKey.Concat(table.UniqueKeys.SelectMany(u => u)).ToHashSet(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            // A default is the application's own choice (and a key's default, serial or gen_random_uuid(), is unique).
            if (values.ContainsKey(column.Name) || column.DatabaseFilled || column.HasDefault)
                continue;
            var expression = SeriesValues.For(column, g, checks.GetValueOrDefault(column.Name), keyColumns.Contains(column.Name));
            if (expression is not null)
                values[column.Name] = expression;
            else if (column.NotNull)
                return (null, $"column {column.Name} has type {column.SqlType}, which the bench cannot generate");
        }

        var columns = values.Keys.ToList();
        var sql = columns.Count == 0
            ? null
            : $"INSERT INTO {table.Sql} ({string.Join(", ", columns.Select(SqlText.Identifier))}) " +
              $"SELECT {string.Join(", ", columns.Select(c => values[c]))} FROM {from}";
        return sql is null ? (null, "it has no column the bench can fill") : (sql, null);
    }

    private string TenantValue(SeedColumn column) => $"t.value::{column.SqlType}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
