using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>New rows for the write attacks: a copy of a seeded row with fresh values in every unique column that is
/// neither the tenant nor a foreign key, so only the policy (not a duplicate key) decides whether it goes in.</summary>
public static class AttackRows
{
    public static Dictionary<string, string?> CopyWithFreshKeys(SeedTable table, SeededRow template, string tenantColumn)
    {
        var generator = new ValueGenerator(start: 700_000 + Random.Shared.Next(100_000));
        var foreignKeyColumns = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet();
        var uniqueColumns = table.UniqueKeys.SelectMany(k => k).Concat(table.PrimaryKey).ToHashSet();
        var values = new Dictionary<string, string?>();
        foreach (var column in table.Columns.Where(c => !c.Generated))
        {
            var fresh = uniqueColumns.Contains(column.Name) && column.Name != tenantColumn && !foreignKeyColumns.Contains(column.Name);
            if (fresh)
            {
                values[column.Name] = generator.Next(column, "tgattack" + Guid.NewGuid().ToString("N")[..6], out _);
            }
            else if (column.Identity != 'a')
            {
                values[column.Name] = template[column.Name];
            }
        }

        return values;
    }

    /// <summary>True when some unique column is neither the tenant nor a foreign key, so a copy can be made unique.</summary>
    public static bool HasFreshKey(SeedTable table, string tenantColumn)
    {
        var foreignKeyColumns = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet();
        return table.UniqueKeys.SelectMany(k => k).Concat(table.PrimaryKey)
            .Any(c => c != tenantColumn && !foreignKeyColumns.Contains(c));
    }

    public static string InsertSql(SeedTable table, IReadOnlyDictionary<string, string?> values)
    {
        var columns = values.Keys.ToList();
        var overriding = columns.Any(c => table.Column(c)!.Identity == 'a') ? " OVERRIDING SYSTEM VALUE" : string.Empty;
        return $"INSERT INTO {table.Sql} ({string.Join(", ", columns.Select(SqlText.Identifier))}){overriding} VALUES ({string.Join(", ", columns.Select(c => SqlText.Literal(values[c], table.Column(c)!.SqlType)))})";
    }

    /// <summary>UPDATE setting one ordinary column to itself on the row: a success changes nothing visible.</summary>
    public static string NoOpUpdateSql(SeedTable table, SeededRow row, string tenantColumn)
    {
        var column = table.Columns.FirstOrDefault(c => !table.RowKey.Contains(c.Name) && !c.DatabaseFilled && c.Name != tenantColumn)
                     ?? table.Column(tenantColumn)!;
        var target = SqlText.Identifier(column.Name);
        return $"UPDATE {table.Sql} SET {target} = {target} WHERE {SqlText.KeyEquals(string.Empty, table, table.RowKey, row.Values)}";
    }

    /// <summary>DELETE of the row by its key.</summary>
    public static string DeleteSql(SeedTable table, SeededRow row) =>
        $"DELETE FROM {table.Sql} WHERE {SqlText.KeyEquals(string.Empty, table, table.RowKey, row.Values)}";
}
