using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// TG2007: a tenant put on a connection must be gone for the next borrower of that pooled connection and for the
/// next transaction on it. Checked for the application's way of setting the tenant and for every function in the
/// schema that writes the tenant setting (a set_tenant_context(id) function using set_config(…, false) leaks); through
/// Npgsql's pool, and through pgbouncer in transaction mode when it is installed.
/// </summary>
public static class PoolLeakCheck
{
    public static async Task RunAsync(AttackContext context, CancellationToken ct)
    {
        var applier = context.Options.ContextApplier ?? new TransactionLocalTenantApplier(context.Target.TenantSetting);
        var singleConnectionPool = new NpgsqlConnectionStringBuilder(context.Target.AppConnectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;
        await using (var pool = NpgsqlDataSource.Create(singleConnectionPool))
        {
            await CheckAsync(context, "Npgsql pool", pool, applier, ct).ConfigureAwait(false);
        }

        if (!context.Options.UsePgBouncer)
        {
            return;
        }

        await using var bouncer = await PgBouncerProcess.TryStartAsync(context.Target.AppConnectionString, ct).ConfigureAwait(false);
        if (bouncer is null)
        {
            context.Inconclusive.Add("pgbouncer is not installed: the pool check ran through Npgsql's pool only");
            return;
        }

        await using var bounced = NpgsqlDataSource.Create(bouncer.ClientConnectionString);
        await CheckAsync(context, "pgbouncer (transaction pooling)", bounced, applier, ct).ConfigureAwait(false);
    }

    private static async Task CheckAsync(AttackContext context, string through, NpgsqlDataSource pool, ITenantContextApplier applier, CancellationToken ct)
    {
        await CheckOneAsync(context, through, pool, applier.Description, applier.Description, (c, t, ct2) => applier.ApplyAsync(c, t, context.TenantA, ct2), ct).ConfigureAwait(false);
        foreach (var function in context.Seed.Schema.TenantSettingFunctions)
        {
            // The finding names the call with a placeholder, as the applier's does: a synthetic tenant changes from run
            // to run, and a waiver or a code-scanning fingerprint must not.
            var callee = $"{SqlText.Identifier(function.Schema)}.{SqlText.Identifier(function.Name)}";
            var call = $"SELECT {callee}({SqlText.Literal(context.TenantA, function.ArgumentType)})";
            await CheckOneAsync(context, through, pool, $"SELECT {callee}(<tenant>)", call, async (c, t, ct2) =>
            {
                await using var command = new NpgsqlCommand(call, c, t);
                await command.ExecuteNonQueryAsync(ct2).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Borrower 1 sets tenant A in a committed transaction, then looks again in a second transaction of its
    /// own; then it returns the connection and borrower 2 (the same physical connection: the pool holds one) looks
    /// for A's setting and A's rows with no tenant of its own.</summary>
    private static async Task CheckOneAsync(
        AttackContext context, string through, NpgsqlDataSource pool, string how, string call,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> setTenant, CancellationToken ct)
    {
        var table = context.AttackableTables.FirstOrDefault();
        try
        {
            await using (var first = await pool.OpenConnectionAsync(ct).ConfigureAwait(false))
            {
                await using (var transaction = await first.BeginTransactionAsync(ct).ConfigureAwait(false))
                {
                    await setTenant(first, transaction, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }

                await LookForTenantAsync(context, through, how, call, first, table, "the next transaction on the same connection", ct).ConfigureAwait(false);
            }

            await using var next = await pool.OpenConnectionAsync(ct).ConfigureAwait(false);
            await LookForTenantAsync(context, through, how, call, next, table, "the next borrower of the pooled connection", ct).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            context.Inconclusive.Add($"pool check via {through} with {how}: {e.SqlState} {e.MessageText}");
        }
    }

    private static async Task LookForTenantAsync(
        AttackContext context, string through, string how, string call, NpgsqlConnection connection, SeedTable? table, string who, CancellationToken ct)
    {
        var probe = $"SELECT current_setting({SqlText.Quote(context.Target.TenantSetting)}, true)";
        await using var read = new NpgsqlCommand(probe, connection);
        var leaked = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        if (string.IsNullOrEmpty(leaked))
        {
            return;
        }

        // What the leaked tenant exposes, for the evidence.
        var rowsSql = table is null ? null : $"SELECT count(*) FROM {table.Sql}";
        var rows = "not counted";
        if (rowsSql is not null)
        {
            try
            {
                await using var count = new NpgsqlCommand(rowsSql, connection);
                rows = Convert.ToString(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "0";
            }
            catch (PostgresException e)
            {
                rows = $"ERROR {e.SqlState}: {e.MessageText}";
            }
        }

        var evidence = $"-- through {through}, as {context.Target.AppRole}\nBEGIN;\n{call};  -- tenant {context.TenantA}\nCOMMIT;\n-- then {who}, with no tenant of its own:\n{probe};  -- returned '{leaked}'\n" +
                       (rowsSql is null ? string.Empty : $"{rowsSql};  -- returned count = {rows}\n");
        context.Findings.Add(AttackRules.ContextLeakedAcrossConnections, $"{how} via {through}", table?.QualifiedName,
            $"The tenant set by one transaction was still in effect for {who} ({through}).",
            "Set the tenant only with set_config('" + context.Target.TenantSetting + "', $1, true) (SET LOCAL) inside the request's transaction; never SET or set_config(…, false), which outlive the transaction and, behind pgbouncer in transaction mode, reach other clients.",
            evidence);
    }
}
