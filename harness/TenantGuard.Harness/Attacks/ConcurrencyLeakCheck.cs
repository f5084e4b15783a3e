using System.Collections.Concurrent;
using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks;

/// <summary>TG2008: N workers spread over every synthetic tenant share one small pool and run transactions in
/// parallel; every row any worker reads must carry its own tenant. Tables that leak even to one reader, and tables
/// whose positive controls failed (a tenant cannot read its own rows there), are left out.</summary>
public static class ConcurrencyLeakCheck
{
    public static async Task RunAsync(AttackContext context, CancellationToken ct)
    {
        // Tables that already leak to a single reader are reported as such; this check looks for what only
        // concurrency breaks.
        var leaking = context.Findings.Findings
            .Where(f => f.Rule is AttackRules.CrossTenantRead or AttackRules.RowsVisibleWithoutTenant)
            .Select(f => f.Table)
            .ToHashSet();
        var tables = context.AttackableTables
            .Where(t => t.AppCanSelect && !leaking.Contains(t.QualifiedName) && context.Controls.IsProven(t))
            .ToList();
        if (tables.Count == 0)
        {
            return;
        }

        var applier = context.Options.ContextApplier ?? new TransactionLocalTenantApplier(context.Target.TenantSetting);
        var workers = Math.Max(2, context.Options.ConcurrencyWorkers);
        var pooled = new NpgsqlConnectionStringBuilder(context.Target.AppConnectionString) { MaxPoolSize = Math.Max(1, workers / 2) }.ConnectionString;
        await using var pool = NpgsqlDataSource.Create(pooled);
        var leaks = new ConcurrentBag<string>();
        var errors = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (worker, token) =>
        {
            var tenant = context.Seed.Tenants[worker % context.Seed.Tenants.Count];
            for (var i = 0; i < context.Options.ConcurrencyIterations && leaks.IsEmpty; i++)
            {
                var table = tables[(worker + i) % tables.Count];
                var sql = $"SELECT DISTINCT {context.TenantColumnSql}::text FROM {table.Sql}";
                await using var connection = await pool.OpenConnectionAsync(token).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                try
                {
                    await applier.ApplyAsync(connection, transaction, tenant, token).ConfigureAwait(false);
                    await using var command = new NpgsqlCommand(sql, connection, transaction);
                    await using (var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(token).ConfigureAwait(false))
                        {
                            var seen = reader.IsDBNull(0) ? "NULL" : reader.GetString(0);
                            if (seen != tenant && !context.Target.SharedTenants.Contains(seen))
                            {
                                leaks.Add($"-- worker {worker} of {workers}, iteration {i}, tenant {tenant}, pool of {Math.Max(1, workers / 2)} connections\nBEGIN;\n{applier.Description};\n{sql};  -- returned rows of tenant {seen}\nCOMMIT;");
                            }
                        }
                    }

                    await transaction.CommitAsync(token).ConfigureAwait(false);
                }
                catch (PostgresException e)
                {
                    // Recorded and the worker goes on: the report is written whatever a policy raises.
                    errors.TryAdd(table.QualifiedName, $"concurrency check on {table.QualifiedName}: {e.SqlState} {e.MessageText}");
                }
            }
        }).ConfigureAwait(false);

        foreach (var error in errors.Values)
        {
            context.Inconclusive.Add(error);
        }

        if (!leaks.IsEmpty)
        {
            context.Findings.Add(AttackRules.LeakUnderConcurrency, "tenant context under concurrency", null,
                $"{leaks.Count} time(s), a worker running for one tenant read rows of another while {workers} workers shared one pool across {context.Seed.Tenants.Count} tenants.",
                "Bind the tenant to the transaction (set_config(…, true) after BEGIN), never to the connection or to state shared between requests; and make every tenant table's policy depend on that setting.",
                string.Join("\n", leaks.Take(3)));
        }
    }
}
