using Npgsql;

namespace TenantGuard.Harness.Catalog;

/// <summary>Reads what the database says about tables, policies, indexes, views, functions and roles into a
/// <see cref="CatalogSnapshot"/>, in a single batch.</summary>
public static class CatalogReader
{
    public static async Task<CatalogSnapshot> ReadAsync(string connectionString, string appRole, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadAsync(connection, appRole, cancellationToken);
    }

    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, string appRole, CancellationToken cancellationToken = default)
    {
        await EnsureRoleExistsAsync(connection, appRole, cancellationToken);

        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in new[]
                 {
                     CatalogQueries.Tables, CatalogQueries.Columns, CatalogQueries.Policies, CatalogQueries.Indexes,
                     CatalogQueries.ForeignKeys, CatalogQueries.Views, CatalogQueries.Functions, CatalogQueries.Roles,
                     CatalogQueries.AppMemberships,
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            if (sql.Contains("$1", StringComparison.Ordinal))
                command.Parameters.Add(new NpgsqlParameter { Value = appRole });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var tableRows = await ReadAllAsync(reader, RawTable.Read, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var columns = await ReadAllAsync(reader, r => (Oid: r.GetFieldValue<uint>(0),
            Column: new ColumnInfo(r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetInt16(4),
                r.GetBoolean(5) || GeneratedDefault.MakesIds(NullableString(r, 6)))), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var policies = await ReadAllAsync(reader, r => new PolicyInfo(
            r.GetFieldValue<uint>(0), r.GetString(1), ParseCommand(r.GetString(2)), r.GetBoolean(3),
            r.GetFieldValue<string[]>(4), NullableString(r, 5), NullableString(r, 6)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var indexes = await ReadAllAsync(reader, r => new IndexInfo(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string?[]>(3), r.GetString(4),
            r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), NullableString(r, 8)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var foreignKeys = await ReadAllAsync(reader, r => new ForeignKeyInfo(
            r.GetString(0), r.GetFieldValue<uint>(1), r.GetFieldValue<string[]>(3),
            r.GetFieldValue<uint>(2), r.GetFieldValue<string[]>(4)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var views = await ReadAllAsync(reader, r => new ViewInfo(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4), r.GetBoolean(5),
            r.GetFieldValue<uint[]>(6), r.GetBoolean(7)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var functions = await ReadAllAsync(reader, r => new FunctionInfo(
            r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
            r.GetBoolean(6), r.GetFieldValue<string[]>(7), r.GetString(8), r.GetString(9), r.GetBoolean(10), r.GetString(11)[0]), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var roles = await ReadAllAsync(reader, r => new RoleInfo(
            r.GetString(0), r.GetBoolean(1), r.GetBoolean(2), r.GetBoolean(3)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var memberships = await ReadAllAsync(reader, r => (Role: r.GetString(0), Member: r.GetBoolean(1),
            Usage: r.GetBoolean(2)), cancellationToken);

        var columnsByTable = columns.ToLookup(c => c.Oid, c => c.Column);
        var tables = tableRows.Select(row => row.ToTable(columnsByTable[row.Oid].ToList())).ToList();
        var rolesByName = roles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var app = new AppRoleInfo(
            rolesByName[appRole],
            memberships.Where(m => m.Member).Select(m => m.Role).ToList(),
            memberships.Where(m => m.Usage).Select(m => m.Role).ToList());

        return new CatalogSnapshot(tables, policies, indexes, foreignKeys, views, functions, rolesByName, app);
    }

    private static async Task EnsureRoleExistsAsync(NpgsqlConnection connection, string appRole, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = appRole });
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (count == 0)
            throw new HarnessException($"Role \"{appRole}\" does not exist in the database; pass the role your application connects as with --app-role.");
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(map(reader));
        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static PolicyCommand ParseCommand(string polcmd) => polcmd switch
    {
        "r" => PolicyCommand.Select,
        "a" => PolicyCommand.Insert,
        "w" => PolicyCommand.Update,
        "d" => PolicyCommand.Delete,
        _ => PolicyCommand.All,
    };

    private sealed record RawTable(
        uint Oid, string Schema, string Name, bool IsPartitioned, string Owner, bool RlsEnabled, bool RlsForced,
        uint? PartitionOf, TablePrivileges Privileges, bool AppActsAsOwner)
    {
        public static RawTable Read(NpgsqlDataReader r)
        {
            var schemaUsage = r.GetBoolean(8);
            var privileges = schemaUsage
                ? new TablePrivileges(r.GetBoolean(9), r.GetBoolean(10), r.GetBoolean(11), r.GetBoolean(12), r.GetBoolean(13))
                : TablePrivileges.None;
            return new RawTable(
                r.GetFieldValue<uint>(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4),
                r.GetBoolean(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetFieldValue<uint>(7), privileges, r.GetBoolean(14));
        }

        public TableInfo ToTable(IReadOnlyList<ColumnInfo> columns) =>
            new(Oid, Schema, Name, IsPartitioned, Owner, RlsEnabled, RlsForced, PartitionOf, columns, Privileges, AppActsAsOwner);
    }
}
