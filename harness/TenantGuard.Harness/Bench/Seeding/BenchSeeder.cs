using System.Diagnostics;
using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>
/// Fills every tenant table of a database with <see cref="BenchDataShape.Rows"/> rows, set-based: one
/// INSERT … SELECT generate_series per table, parents before children (the attack seeder's dependency order), from
/// what the catalog says (<see cref="SeedSchemaReader"/>: types, keys, foreign keys, CHECK values, defaults). Then
/// VACUUM ANALYZE, so plans see the data as it is. Runs as the admin connection, which must bypass RLS (a superuser,
/// or BYPASSRLS): the rows of many tenants go in one statement. A table that cannot be filled is reported with the
/// database's reason, never skipped silently.
/// </summary>
public static class BenchSeeder
{
    private const int GlobalRows = 10;

    public static async Task<BenchSeedResult> SeedAsync(TenantDatabase database, BenchDataShape shape, IProgress<string>? progress,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await RequireRlsBypassAsync(connection, ct).ConfigureAwait(false);

        var schema = await SeedSchemaReader.ReadAsync(connection, database.AppRole, database.TenantColumn, database.TenantSetting ?? "", ct)
            .ConfigureAwait(false);
        var tenantTables = schema.Tables.Where(t => t.Column(database.TenantColumn) is not null).ToList();
        if (tenantTables.Count == 0)
            throw new HarnessException($"No table has the tenant column \"{database.TenantColumn}\", so there is nothing to bench. " +
                                       "Pass the column your tables use with --tenant-column.");

        var tenants = BenchTenants.For(tenantTables.Select(t => t.Column(database.TenantColumn)!).ToList(), shape.Tenants);
        var (tenantsTable, tenantsKey) = schema.TenantsTable(database.TenantColumn);
        var insert = new SeriesInsert(schema, database.TenantColumn, tenants, tenantsTable);
        var referenced = schema.Tables.SelectMany(t => t.ForeignKeys).Select(f => f.ReferencedTable).ToHashSet(StringComparer.Ordinal);

        var seeded = new List<SeededTable>();
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", ct).ConfigureAwait(false);
        await ExecuteAsync(connection, tenants.CreateSql(), ct).ConfigureAwait(false);
        var values = await ReadTenantsAsync(connection, tenants, ct).ConfigureAwait(false);
        foreach (var table in TenantSeeder.DependencyOrder(schema.Tables))
        {
            var (sql, problem) =
                table == tenantsTable ? insert.ForTenantsTable(table, tenantsKey!)
                : table.Column(database.TenantColumn) is not null ? insert.ForTenantTable(table, shape)
                : referenced.Contains(table.QualifiedName) && !await HasRowsAsync(connection, table, ct).ConfigureAwait(false)
                    ? insert.ForGlobalTable(table, GlobalRows)
                    : (null, null);
            if (sql is null && problem is null)
                continue;
            seeded.Add(await InsertAsync(connection, table, sql, problem, progress, ct).ConfigureAwait(false));
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        var inserting = clock.Elapsed.TotalSeconds;
        progress?.Report($"seeded {seeded.Sum(s => s.Rows):N0} rows in {inserting:0.0} s; VACUUM ANALYZE…");
        foreach (var table in seeded.Where(s => s.Rows > 0))
            await ExecuteAsync(connection, $"VACUUM ANALYZE {schema.Tables.First(t => t.QualifiedName == table.Table).Sql}", ct).ConfigureAwait(false);
        return new BenchSeedResult(values, seeded, inserting, clock.Elapsed.TotalSeconds - inserting);
    }

    private static async Task<SeededTable> InsertAsync(
        NpgsqlConnection connection, SeedTable table, string? sql, string? problem, IProgress<string>? progress, CancellationToken ct)
    {
        if (sql is null)
            return new SeededTable(table.QualifiedName, 0, 0, problem);
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(connection, "SAVEPOINT tg_bench_table", ct).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            var rows = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT tg_bench_table", ct).ConfigureAwait(false);
            progress?.Report($"{table.QualifiedName}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
            return new SeededTable(table.QualifiedName, rows, clock.Elapsed.TotalSeconds);
        }
        catch (PostgresException e)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT tg_bench_table", ct).ConfigureAwait(false);
            return new SeededTable(table.QualifiedName, 0, clock.Elapsed.TotalSeconds,
                $"{e.SqlState}: {e.MessageText}{(e.Detail is null ? "" : " (" + e.Detail + ")")}");
        }
    }

    private static async Task RequireRlsBypassAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not true)
            throw new HarnessException($"bench needs a connection that bypasses row-level security (a superuser or a BYPASSRLS role), to seed " +
                                       $"many tenants at once and to run the no-RLS baseline; {connection.UserName} does neither. " +
                                       "Use the embedded server, or --connection as such a role.");
    }

    private static async Task<bool> HasRowsAsync(NpgsqlConnection connection, SeedTable table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table.Sql})", connection);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
    }

    private static async Task<List<string>> ReadTenantsAsync(NpgsqlConnection connection, BenchTenants tenants, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(tenants.SelectSql(), connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var values = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            values.Add(reader.GetString(0));
        return values;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
