using System.Globalization;
using System.Text;
using Npgsql;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>
/// Creates synthetic tenants and rows for them in every tenant table, from what the catalog says: types, NOT NULL,
/// defaults, enums, foreign keys (parents first), unique keys; CHECK constraints best effort (a failed row is retried
/// with every nullable column filled). A table it cannot fill is recorded with the database's reason, never skipped
/// silently. Rows are written over the admin connection in one transaction, with the tenant setting set per tenant
/// so owners subject to FORCE ROW LEVEL SECURITY can seed too.
/// </summary>
public sealed class TenantSeeder(AttackTarget target, VerifyOptions options)
{
    public const string TenantPlaceholder = "{{tenant}}";

    /// <summary>Tenant tables whose rows share a round trip: enough to amortise it, few enough that one table's
    /// failure costs little to redo.</summary>
    private const int TablesPerRoundTrip = 25;

    private readonly ValueGenerator _values = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _checkValues = new(StringComparer.Ordinal);

    public async Task<SeedResult> SeedAsync(SeedSchema schema, CancellationToken ct)
    {
        if (options.Tenants < 2)
        {
            throw new HarnessException($"verify needs at least 2 tenants to attack one from the other; {options.Tenants} were asked for.");
        }

        var tenantTables = schema.Tables.Where(t => t.Column(target.TenantColumn) is not null).ToList();
        if (tenantTables.Count == 0)
        {
            throw new HarnessException(
                $"No table has the tenant column \"{target.TenantColumn}\", so there is nothing to attack. Pass the column your tables use with --tenant-column.");
        }

        var (tenantsTable, tenantsKey) = schema.TenantsTable(target.TenantColumn);
        // One value per tenant must fit every table's tenant column: uuid strings fit uuid and text columns alike (and
        // a policy that casts a text column or the setting to uuid); numbers only when every column is numeric.
        var tenantType = tenantTables.Select(t => t.Column(target.TenantColumn)!).OrderBy(c => c.BaseType == "uuid" ? 0 : 1).First();
        var allNumeric = tenantTables.All(t => t.Column(target.TenantColumn)!.Category == 'N');
        var tenants = Enumerable.Range(0, options.Tenants).Select(i => NewTenantValue(tenantType, allNumeric, i)).ToList();
        var result = new SeedResult(schema, tenants, target.TenantColumn, tenantType.SqlType, tenantsTable);
        var shared = target.SharedTenants.Where(value => Fits(value, tenantTables)).ToList();

        await using var connection = new NpgsqlConnection(target.AdminConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var referenced = schema.Tables.SelectMany(t => t.ForeignKeys).Select(f => f.ReferencedTable).ToHashSet();

        var group = new List<SeedTable>();
        foreach (var table in DependencyOrder(schema.Tables))
        {
            if (table != tenantsTable && table.Column(target.TenantColumn) is not null)
            {
                // Tenant tables go to the server a group at a time; a table that references one of the group waits for
                // the group's rows, which its own rows point at.
                if (group.Count == TablesPerRoundTrip || table.ForeignKeys.Any(f => group.Any(g => g.QualifiedName == f.ReferencedTable)))
                {
                    await SeedTenantTablesAsync(connection, group, tenants, shared, result, ct).ConfigureAwait(false);
                    group.Clear();
                }

                group.Add(table);
                continue;
            }

            await SeedTenantTablesAsync(connection, group, tenants, shared, result, ct).ConfigureAwait(false);
            group.Clear();
            if (table == tenantsTable)
            {
                await SeedTenantsTableAsync(connection, table, tenantsKey!, result, ct).ConfigureAwait(false);
                foreach (var tenant in shared)
                {
                    await SeedSharedTenantAsync(connection, table, tenantsKey!, tenant, result, ct).ConfigureAwait(false);
                }
            }
            else if (referenced.Contains(table.QualifiedName))
            {
                await SeedGlobalTableAsync(connection, table, result, ct).ConfigureAwait(false);
            }
        }

        await SeedTenantTablesAsync(connection, group, tenants, shared, result, ct).ConfigureAwait(false);

        if (options.SeedSqlFile is not null)
        {
            await RunUserSeedAsync(connection, options.SeedSqlFile, result, ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Tenant tables none of which references another: every row of all of them in one round trip when that
    /// works, else table by table, and row by row where a table needs it.</summary>
    private async Task SeedTenantTablesAsync(NpgsqlConnection connection, List<SeedTable> tables, IReadOnlyList<string> tenants,
        IReadOnlyList<string> shared, SeedResult result, CancellationToken ct)
    {
        if (tables.Count == 0)
            return;
        var rowsPerTenant = tables.Select(RowsPerTenant).ToList();
        var seededTogether = tables.Count > 1 && await TryInsertAllAtOnceAsync(connection, tables, tenants, rowsPerTenant, result, ct).ConfigureAwait(false);
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            if (!seededTogether && !await TryInsertAllAtOnceAsync(connection, [table], tenants, [rowsPerTenant[t]], result, ct).ConfigureAwait(false))
            {
                foreach (var tenant in tenants)
                {
                    await SetTenantAsync(connection, tenant, ct).ConfigureAwait(false);
                    for (var i = 0; i < rowsPerTenant[t] && !result.IsMarkedUnseeded(table); i++)
                    {
                        await InsertRowAsync(connection, table, tenant, result, ct).ConfigureAwait(false);
                    }
                }
            }

            foreach (var tenant in shared.Where(_ => !result.IsMarkedUnseeded(table)))
            {
                await SetTenantAsync(connection, tenant, ct).ConfigureAwait(false);
                var row = await TryInsertAsync(connection, table, tenant, result,
                    new Dictionary<string, string?> { [target.TenantColumn] = tenant }, ct, markUnseeded: false).ConfigureAwait(false);
                if (row is not null)
                {
                    result.AddSharedRow(table, tenant, row);
                }
            }
        }
    }

    /// <summary>A table keyed by the tenant alone (a registry nobody references) holds one row per tenant.</summary>
    private int RowsPerTenant(SeedTable table) => table.IsOneRowPerValueOf(target.TenantColumn) ? 1 : options.RowsPerTable;

    private static string NewTenantValue(SeedColumn column, bool numeric, int index) => column.BaseType switch
    {
        _ when !numeric && (column.MaxLength is null or >= 36) => Guid.NewGuid().ToString(),
        "int2" => (20000 + Random.Shared.Next(0, 10000) + index).ToString(CultureInfo.InvariantCulture),
        "int4" or "int8" or "numeric" => (1_000_000_000 + Random.Shared.Next(0, 100_000_000) + index).ToString(CultureInfo.InvariantCulture),
        _ => $"tg-tenant-{(char)('a' + index)}-{Random.Shared.Next(0x100000, 0xFFFFFF):x6}",
    };

    private async Task SeedTenantsTableAsync(NpgsqlConnection connection, SeedTable table, string keyColumn, SeedResult result, CancellationToken ct)
    {
        foreach (var tenant in result.Tenants)
        {
            await SetTenantAsync(connection, tenant, ct).ConfigureAwait(false);
            var row = await TryInsertAsync(connection, table, tenant, result, new Dictionary<string, string?> { [keyColumn] = tenant }, ct).ConfigureAwait(false);
            if (row is null)
            {
                return;
            }

            result.AddTenantRow(table, tenant, row);
        }
    }

    /// <summary>The registry row of a tenant the policies name (a platform tenant): the migrations may have made it;
    /// else one is made. Best effort: a shared tenant that cannot be seeded is only not attacked.</summary>
    private async Task SeedSharedTenantAsync(NpgsqlConnection connection, SeedTable table, string keyColumn, string tenant, SeedResult result,
        CancellationToken ct)
    {
        var literal = SqlText.Literal(tenant, table.Column(keyColumn)!.SqlType);
        var existing = await ReadRowsAsync(connection, table, keyColumn, literal, 1, ct).ConfigureAwait(false);
        var row = existing.FirstOrDefault() ?? await TryInsertAsync(connection, table, tenant, result,
            new Dictionary<string, string?> { [keyColumn] = tenant }, ct, markUnseeded: false).ConfigureAwait(false);
        if (row is not null)
        {
            result.AddSharedRow(table, tenant, row);
        }
    }

    /// <summary>True when the value can be every tenant table's tenant value (a uuid column takes only a uuid).</summary>
    private bool Fits(string value, IEnumerable<SeedTable> tenantTables) =>
        tenantTables.Select(t => t.Column(target.TenantColumn)!).All(column => column.BaseType switch
        {
            "uuid" => Guid.TryParse(value, out _),
            "int2" or "int4" or "int8" or "numeric" => value.Length > 0 && value.All(char.IsAsciiDigit),
            _ => true,
        });

    private async Task SeedGlobalTableAsync(NpgsqlConnection connection, SeedTable table, SeedResult result, CancellationToken ct)
    {
        var existing = await ReadRowsAsync(connection, table, null, null, 2, ct).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            foreach (var row in existing)
            {
                result.AddGlobalRow(table, row);
            }

            return;
        }

        for (var i = 0; i < 2; i++)
        {
            var row = await TryInsertAsync(connection, table, null, result, [], ct).ConfigureAwait(false);
            if (row is null)
            {
                return;
            }

            result.AddGlobalRow(table, row);
        }
    }

    private async Task InsertRowAsync(NpgsqlConnection connection, SeedTable table, string tenant, SeedResult result, CancellationToken ct)
    {
        var row = await TryInsertAsync(connection, table, tenant, result, new Dictionary<string, string?> { [target.TenantColumn] = tenant }, ct).ConfigureAwait(false);
        if (row is not null)
        {
            result.AddTenantRow(table, tenant, row);
        }
    }

    /// <summary>
    /// The common case in one round trip: every tenant's rows of the tables as first chosen, in one batch behind a
    /// savepoint, the tenant set once per tenant. When anything fails (a CHECK the first choice misses, a junction key
    /// that needs other parents), the savepoint undoes the batch and false sends the tables down a slower path, which
    /// knows how to retry.
    /// </summary>
    private async Task<bool> TryInsertAllAtOnceAsync(NpgsqlConnection connection, IReadOnlyList<SeedTable> tables, IReadOnlyList<string> tenants,
        IReadOnlyList<int> rowsPerTenant, SeedResult result, CancellationToken ct)
    {
        const string TenantSet = "tg_tenant_set";
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT tg_seed_tables"));
        var inserts = new List<(SeedTable Table, string Tenant)>();
        foreach (var tenant in tenants)
        {
            var setTenant = new NpgsqlBatchCommand($"SELECT set_config($1, $2, true) AS {TenantSet}");
            setTenant.Parameters.Add(new NpgsqlParameter { Value = target.TenantSetting });
            setTenant.Parameters.Add(new NpgsqlParameter { Value = tenant });
            batch.BatchCommands.Add(setTenant);
            for (var t = 0; t < tables.Count; t++)
            {
                for (var i = 0; i < rowsPerTenant[t]; i++)
                {
                    var values = new Dictionary<string, string?> { [target.TenantColumn] = tenant };
                    if (FillColumns(tables[t], tenant, result, values, fillNullable: false, parentIndex: 0, new HashSet<string>()) is not null)
                        return false; // the row-by-row path records why
                    inserts.Add((tables[t], tenant));
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertSql(tables[t], values)));
                }
            }
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT tg_seed_tables"));
        var rows = new List<SeededRow>();
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            do
            {
                var isInsert = reader.FieldCount > 0 && !(reader.FieldCount == 1 && reader.GetName(0) == TenantSet);
                if (isInsert && await reader.ReadAsync(ct).ConfigureAwait(false))
                    rows.Add(ReadRow(reader, inserts[rows.Count].Table));
            }
            while (await reader.NextResultAsync(ct).ConfigureAwait(false));
        }
        catch (PostgresException)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT tg_seed_tables", connection);
            await rollback.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return false;
        }

        if (rows.Count != inserts.Count)
            throw new InvalidOperationException($"{string.Join(", ", tables.Select(t => t.QualifiedName))}: {inserts.Count} rows inserted, {rows.Count} returned.");
        for (var i = 0; i < rows.Count; i++)
            result.AddTenantRow(inserts[i].Table, inserts[i].Tenant, rows[i]);
        return true;
    }

    /// <summary>Inserts one row. A unique violation is retried pointing at the parents' next rows (junction tables
    /// whose key is all foreign keys); a NOT NULL column whose default gave NULL (<c>DEFAULT auth.uid()</c> with no
    /// user in the session) is retried with a value of its own; any other failure is retried once with every nullable
    /// column filled (CHECK constraints that want them). The last failure is recorded as the reason.</summary>
    private async Task<SeededRow?> TryInsertAsync(
        NpgsqlConnection connection, SeedTable table, string? tenant, SeedResult result, Dictionary<string, string?> fixedValues, CancellationToken ct,
        bool markUnseeded = true)
    {
        const string UniqueViolation = "23505";
        const string NotNullViolation = "23502";
        string? failure = null;
        var fillNullable = false;
        var parentIndex = 0;
        var overrideDefaults = new HashSet<string>(StringComparer.Ordinal);
        var canFillMore = table.Columns.Any(c => !c.NotNull && !c.HasDefault && !c.DatabaseFilled);
        for (var attempt = 0; attempt < options.RowsPerTable + 2 + table.Columns.Count(c => c.HasDefault && c.NotNull); attempt++)
        {
            var values = new Dictionary<string, string?>(fixedValues);
            failure = FillColumns(table, tenant, result, values, fillNullable, parentIndex, overrideDefaults);
            if (failure is not null)
            {
                break;
            }

            var sql = InsertSql(table, values);
            await using var savepoint = new NpgsqlCommand("SAVEPOINT tg_seed_row", connection);
            await savepoint.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            try
            {
                var rows = await ReadAsync(connection, table, sql, 1, ct).ConfigureAwait(false);
                await using var release = new NpgsqlCommand("RELEASE SAVEPOINT tg_seed_row", connection);
                await release.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return rows[0];
            }
            catch (PostgresException e)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT tg_seed_row", connection);
                await rollback.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                failure = $"{e.SqlState}: {e.MessageText}{(e.Detail is null ? string.Empty : " (" + e.Detail + ")")} — while running: {sql}";
                if (e.SqlState == UniqueViolation && table.ForeignKeys.Count > 0)
                {
                    parentIndex++;
                }
                else if (e.SqlState == NotNullViolation && e.ColumnName is { } column && e.TableName == table.Name
                         && table.Column(column) is { HasDefault: true, DatabaseFilled: false } && overrideDefaults.Add(column))
                {
                    // The default evaluated to NULL here; give the column a value of its own next time.
                }
                else if (canFillMore && !fillNullable)
                {
                    fillNullable = true;
                }
                else
                {
                    break;
                }
            }
        }

        if (markUnseeded)
        {
            result.MarkUnseeded(table, failure ?? "no row could be made");
        }

        return null;
    }

    /// <summary>Chooses a value for every column that needs one; returns why it cannot, or null.</summary>
    private string? FillColumns(SeedTable table, string? tenant, SeedResult result, Dictionary<string, string?> values, bool fillNullable,
        int parentIndex, IReadOnlySet<string> overrideDefaults)
    {
        foreach (var foreignKey in table.ForeignKeys.Where(f => f.ReferencedTable != table.QualifiedName))
        {
            var parent = result.Schema.Table(foreignKey.ReferencedTable);
            var parentRow = parent is null ? null : ParentRow(parent, tenant, result, parentIndex);
            if (parentRow is null)
            {
                var needed = foreignKey.Columns.Any(c => table.Column(c)!.NotNull || values.ContainsKey(c));
                if (needed && parent is not null && result.UnseededReason(parent) is { } reason)
                {
                    return $"it needs a row in {foreignKey.ReferencedTable} (foreign key {foreignKey.Name}), which could not be seeded: {reason}";
                }

                if (foreignKey.Columns.Any(c => table.Column(c)!.NotNull && !values.ContainsKey(c)))
                {
                    return $"it needs a row in {foreignKey.ReferencedTable} (foreign key {foreignKey.Name}), which could not be seeded";
                }

                continue;
            }

            for (var i = 0; i < foreignKey.Columns.Count; i++)
            {
                values.TryAdd(foreignKey.Columns[i], parentRow[foreignKey.ReferencedColumns[i]]);
            }
        }

        var tag = TenantTag(tenant);
        var allowed = CheckValuesOf(table);
        foreach (var column in table.Columns)
        {
            var useDefault = column.HasDefault && !overrideDefaults.Contains(column.Name);
            if (values.ContainsKey(column.Name) || column.DatabaseFilled || useDefault || (!column.NotNull && !fillNullable && !overrideDefaults.Contains(column.Name)))
            {
                continue;
            }

            if (table.ForeignKeys.Any(f => f.ReferencedTable == table.QualifiedName && f.Columns.Contains(column.Name)))
            {
                if (column.NotNull)
                {
                    return $"column {column.Name} references the table itself and is NOT NULL";
                }

                continue;
            }

            string? unsupported = null;
            var value = allowed.TryGetValue(column.Name, out var listed) ? listed : _values.Next(column, tag, out unsupported);
            if (value is null)
            {
                if (column.NotNull)
                {
                    return unsupported;
                }

                continue;
            }

            values[column.Name] = value;
        }

        return null;
    }

    /// <summary>Values the table's CHECK constraints name (tenant_type IN ('platform', 'customer')), read once per table.</summary>
    private IReadOnlyDictionary<string, string> CheckValuesOf(SeedTable table)
    {
        if (!_checkValues.TryGetValue(table.QualifiedName, out var values))
            _checkValues[table.QualifiedName] = values = CheckConstraintValues.Read(table.Checks);
        return values;
    }

    /// <summary>The parent row a child of this tenant points at: one of the tenant's own rows (the first, unless a
    /// retry asks for the next), or a global row.</summary>
    private static SeededRow? ParentRow(SeedTable parent, string? tenant, SeedResult result, int index)
    {
        if (tenant is not null && (parent.Column(result.TenantColumn) is not null || parent == result.TenantsTable))
        {
            var own = result.RowsOf(parent, tenant);
            return own.Count == 0 ? null : own[index % own.Count];
        }

        var global = result.GlobalRowsOf(parent);
        return global.Count > 0
            ? global[index % global.Count]
            : result.Tenants.Select(t => result.RowsOf(parent, t).FirstOrDefault()).FirstOrDefault(r => r is not null);
    }

    private static string TenantTag(string? tenant) =>
        tenant is null ? "global" : "t" + new string(tenant.Where(char.IsAsciiLetterOrDigit).Take(6).ToArray()).ToLowerInvariant();

    private static string InsertSql(SeedTable table, Dictionary<string, string?> values)
    {
        var columns = values.Keys.ToList();
        var overriding = columns.Any(c => table.Column(c)!.Identity == 'a') ? " OVERRIDING SYSTEM VALUE" : string.Empty;
        var sql = new StringBuilder().Append("INSERT INTO ").Append(table.Sql);
        sql.Append(columns.Count == 0
            ? " DEFAULT VALUES"
            : $" ({string.Join(", ", columns.Select(SqlText.Identifier))}){overriding} VALUES ({string.Join(", ", columns.Select(c => SqlText.Literal(values[c], table.Column(c)!.SqlType)))})");
        sql.Append(" RETURNING ").Append(string.Join(", ", table.Columns.Select(c => SqlText.Identifier(c.Name) + "::text")));
        return sql.ToString();
    }

    internal static async Task<List<SeededRow>> ReadRowsAsync(
        NpgsqlConnection connection, SeedTable table, string? tenantColumn, string? tenantLiteral, int limit, CancellationToken ct)
    {
        var where = tenantColumn is null ? string.Empty : $" WHERE {SqlText.Identifier(tenantColumn)} = {tenantLiteral}";
        var keyOrder = table.RowKey.Count > 0 ? " ORDER BY " + string.Join(", ", table.RowKey.Select(SqlText.Identifier)) : string.Empty;
        var sql = $"SELECT {string.Join(", ", table.Columns.Select(c => SqlText.Identifier(c.Name) + "::text"))} FROM {table.Sql}{where}{keyOrder} LIMIT {limit}";
        return await ReadAsync(connection, table, sql, limit, ct).ConfigureAwait(false);
    }

    private static async Task<List<SeededRow>> ReadAsync(NpgsqlConnection connection, SeedTable table, string sql, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<SeededRow>();
        while (rows.Count < limit && await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(ReadRow(reader, table));
        }

        return rows;
    }

    /// <summary>A row read as text, one value per column of the table (in its order).</summary>
    private static SeededRow ReadRow(NpgsqlDataReader reader, SeedTable table)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            values[table.Columns[i].Name] = reader.IsDBNull(i) ? null : reader.GetString(i);
        }

        return new SeededRow(values);
    }

    private async Task SetTenantAsync(NpgsqlConnection connection, string tenant, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT set_config($1, $2, true)", connection);
        command.Parameters.AddWithValue(target.TenantSetting);
        command.Parameters.AddWithValue(tenant);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Runs the user's seed file once per tenant, then reads back the rows of every table that was not seeded.</summary>
    private async Task RunUserSeedAsync(NpgsqlConnection connection, string path, SeedResult result, CancellationToken ct)
    {
        string script;
        try
        {
            script = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{path}: cannot read the seed SQL file ({e.Message}).");
        }

        foreach (var tenant in result.Tenants)
        {
            await SetTenantAsync(connection, tenant, ct).ConfigureAwait(false);
            var sql = script.Replace(TenantPlaceholder, SqlText.Quote(tenant), StringComparison.Ordinal);
            try
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                var line = e.Position > 0 ? ":" + (sql[..Math.Min(e.Position, sql.Length)].Count(ch => ch == '\n') + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
                throw new HarnessException($"{path}{line}: ERROR: {e.MessageText} (while seeding tenant {tenant}). Fix the seed file; {TenantPlaceholder} stands for the tenant's value.");
            }
        }

        foreach (var table in result.TenantTables.Where(t => !result.IsSeeded(t)))
        {
            foreach (var tenant in result.Tenants)
            {
                var rows = await ReadRowsAsync(connection, table, target.TenantColumn, result.TenantLiteral(tenant, table), options.RowsPerTable, ct).ConfigureAwait(false);
                result.ReplaceTenantRows(table, tenant, rows);
            }

            if (result.Tenants.All(t => result.RowsOf(table, t).Count > 0))
            {
                result.ClearUnseeded(table);
            }
        }
    }

    /// <summary>Parents before children (foreign keys); tables in a cycle come last, in name order.</summary>
    internal static List<SeedTable> DependencyOrder(IReadOnlyList<SeedTable> tables)
    {
        var byName = tables.ToDictionary(t => t.QualifiedName);
        var ordered = new List<SeedTable>();
        var placed = new HashSet<string>();
        var pending = tables.OrderBy(t => t.QualifiedName, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.ForeignKeys.All(f =>
                f.ReferencedTable == t.QualifiedName || placed.Contains(f.ReferencedTable) || !byName.ContainsKey(f.ReferencedTable))).ToList();
            if (ready.Count == 0)
            {
                ready = [pending[0]];
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.QualifiedName);
                pending.Remove(table);
            }
        }

        return ordered;
    }
}
