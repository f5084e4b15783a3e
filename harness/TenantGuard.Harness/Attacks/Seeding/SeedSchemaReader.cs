using Npgsql;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>Reads the tables, constraints, views and functions of a database that seeding and attacking need.</summary>
public static class SeedSchemaReader
{
    private const string UserSchemas =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private const string ColumnsSql = $"""
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
               coalesce(bt.typname, t.typname)::text, coalesce(bt.typcategory, t.typcategory)::text,
               a.attnotnull, a.atthasdef, a.attidentity::text, a.attgenerated <> '',
               CASE WHEN coalesce(bt.typname, t.typname) IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END,
               ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = coalesce(bt.oid, t.oid) ORDER BY e.enumsortorder),
               has_table_privilege($1, c.oid, 'SELECT'), has_table_privilege($1, c.oid, 'INSERT'),
               has_table_privilege($1, c.oid, 'UPDATE'), has_table_privilege($1, c.oid, 'DELETE')
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {UserSchemas}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    private const string ConstraintsSql = $"""
        SELECT n.nspname, c.relname, con.contype::text, con.conname,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
               rn.nspname, rc.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
               pg_get_constraintdef(con.oid)
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE con.contype IN ('p', 'u', 'f', 'c') AND {UserSchemas}
        ORDER BY con.conname
        """;

    private const string ViewsSql = $"""
        SELECT n.nspname, c.relname, c.relkind = 'm',
               EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = $2 AND NOT a.attisdropped)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND {UserSchemas} AND has_table_privilege($1, c.oid, 'SELECT')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        ORDER BY 1, 2
        """;

    private const string FunctionsSql = $"""
        SELECT n.nspname, p.proname, p.oid::regprocedure::text,
               ARRAY(SELECT coalesce(p.proargnames[k.ord], '') FROM unnest(p.proargtypes) WITH ORDINALITY k(t, ord) ORDER BY k.ord),
               ARRAY(SELECT format_type(k.t, NULL) FROM unnest(p.proargtypes) WITH ORDINALITY k(t, ord) ORDER BY k.ord),
               CASE WHEN rt.typrelid <> 0
                    THEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = rt.typrelid AND a.attname = $2 AND NOT a.attisdropped)
                    ELSE coalesce($2 = ANY (p.proargnames[p.pronargs + 1:]), false) END,
               p.prosecdef, p.proretset, p.prosrc
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_type rt ON rt.oid = p.prorettype
        WHERE p.prokind = 'f' AND {UserSchemas} AND has_function_privilege($1, p.oid, 'EXECUTE')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        ORDER BY 1, 2
        """;

    public static async Task<SeedSchema> ReadAsync(NpgsqlConnection connection, string appRole, string tenantColumn, string tenantSetting, CancellationToken ct)
    {
        var columns = new Dictionary<string, (List<SeedColumn> Columns, bool[] Privileges)>();
        await using (var command = new NpgsqlCommand(ColumnsSql, connection))
        {
            command.Parameters.AddWithValue(appRole);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = reader.GetString(0) + "." + reader.GetString(1);
                if (!columns.TryGetValue(key, out var entry))
                {
                    entry = ([], [reader.GetBoolean(12), reader.GetBoolean(13), reader.GetBoolean(14), reader.GetBoolean(15)]);
                    columns[key] = entry;
                }

                var identity = reader.GetString(8);
                entry.Columns.Add(new SeedColumn(
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)[0],
                    reader.GetBoolean(6), reader.GetBoolean(7), identity.Length > 0 ? identity[0] : '\0', reader.GetBoolean(9),
                    reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.GetFieldValue<string[]>(11)));
            }
        }

        var primaryKeys = new Dictionary<string, IReadOnlyList<string>>();
        var uniques = new Dictionary<string, List<IReadOnlyList<string>>>();
        var foreignKeys = new Dictionary<string, List<SeedForeignKey>>();
        var checks = new Dictionary<string, List<string>>();
        await using (var command = new NpgsqlCommand(ConstraintsSql, connection))
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var table = reader.GetString(0) + "." + reader.GetString(1);
                var keyColumns = reader.GetFieldValue<string[]>(4);
                switch (reader.GetString(2))
                {
                    case "p":
                        primaryKeys[table] = keyColumns;
                        break;
                    case "u":
                        Add(uniques, table, keyColumns);
                        break;
                    case "f" when !reader.IsDBNull(5):
                        Add(foreignKeys, table, new SeedForeignKey(reader.GetString(3), keyColumns,
                            reader.GetString(5) + "." + reader.GetString(6), reader.GetFieldValue<string[]>(7)));
                        break;
                    case "c":
                        Add(checks, table, reader.GetString(8));
                        break;
                }
            }
        }

        var tables = columns.Select(pair =>
        {
            var (schema, name) = Split(pair.Key);
            return new SeedTable(schema, name, pair.Value.Columns,
                primaryKeys.GetValueOrDefault(pair.Key) ?? [],
                uniques.GetValueOrDefault(pair.Key) ?? [],
                foreignKeys.GetValueOrDefault(pair.Key) ?? [],
                checks.GetValueOrDefault(pair.Key) ?? [],
                pair.Value.Privileges[0], pair.Value.Privileges[1], pair.Value.Privileges[2], pair.Value.Privileges[3]);
        }).ToList();

        var views = new List<SeedView>();
        await using (var command = new NpgsqlCommand(ViewsSql, connection))
        {
            command.Parameters.AddWithValue(appRole);
            command.Parameters.AddWithValue(tenantColumn);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                views.Add(new SeedView(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
            }
        }

        var functions = new List<SeedFunction>();
        var settingFunctions = new List<TenantSettingFunction>();
        await using (var command = new NpgsqlCommand(FunctionsSql, connection))
        {
            command.Parameters.AddWithValue(appRole);
            command.Parameters.AddWithValue(tenantColumn);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var argumentTypes = reader.GetFieldValue<string[]>(4);
                var body = reader.GetString(8);
                if (reader.GetBoolean(7))
                {
                    functions.Add(new SeedFunction(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                        reader.GetFieldValue<string[]>(3), argumentTypes, reader.GetBoolean(5), reader.GetBoolean(6)));
                }
                else if (argumentTypes.Length == 1 && body.Contains(tenantSetting, StringComparison.OrdinalIgnoreCase))
                {
                    settingFunctions.Add(new TenantSettingFunction(reader.GetString(0), reader.GetString(1), reader.GetString(2), argumentTypes[0]));
                }
            }
        }

        return new SeedSchema(tables, views, functions, settingFunctions);
    }

    private static (string Schema, string Name) Split(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return (qualified[..dot], qualified[(dot + 1)..]);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
