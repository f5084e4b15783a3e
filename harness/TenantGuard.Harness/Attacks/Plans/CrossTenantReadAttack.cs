using Npgsql;
using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2001: with A's context, read B's rows by key, by scan, through joins on foreign keys, through views and
/// through set-returning functions the application role can use. Each read is first done on A's own rows (the
/// positive control): a refused read proves isolation only if A can read its own rows the same way.</summary>
public static class CrossTenantReadAttack
{
    public static async Task RunOnTableAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanSelect)
        {
            context.Inconclusive.Add($"table {table.QualifiedName}: {context.Target.AppRole} may not SELECT from it, so it cannot read any tenant's rows; reads not attacked");
            return;
        }

        var ownRow = context.Seed.RowsOf(table, context.TenantA)[0];
        var victimRow = context.Seed.RowsOf(table, context.TenantB)[0];
        var count = $"SELECT count(*) FROM {table.Sql} WHERE ";
        var reads = new (string How, string Control, string Attack)[]
        {
            ("by key", count + SqlText.KeyEquals(string.Empty, table, table.RowKey, ownRow.Values),
                count + SqlText.KeyEquals(string.Empty, table, table.RowKey, victimRow.Values)),
            ("by scan", $"{count}{context.TenantColumnSql} = {context.Literal(context.TenantA, table)}",
                $"{count}{context.TenantColumnSql} <> {context.Literal(context.TenantA, table)}{context.ExceptSharedTenants(table)}"),
        };
        // Independent reads start together, so a batching probe sends them in one round trip.
        var pending = reads.Select(r => ReadAsync(context, probe, table, $"read {r.How}", r.Control, r.Attack, $"in {table.QualifiedName} {r.How}", ct)).ToList();

        foreach (var foreignKey in table.ForeignKeys)
        {
            var parent = context.Seed.Schema.Table(foreignKey.ReferencedTable);
            if (parent?.Column(context.Target.TenantColumn) is null || parent == table)
            {
                continue;
            }

            if (foreignKey.Columns.Any(c => ownRow[c] is null))
            {
                continue; // tenant A's row points at no parent: the join has nothing of A's to show
            }

            var on = string.Join(" AND ", foreignKey.Columns.Select((c, i) => $"c.{SqlText.Identifier(c)} = p.{SqlText.Identifier(foreignKey.ReferencedColumns[i])}"));
            var join = $"SELECT count(*) FROM {table.Sql} c JOIN {parent.Sql} p ON {on} WHERE ";
            var own = AttackContext.UntypedLiteral(context.TenantA);
            var victim = AttackContext.UntypedLiteral(context.TenantB);
            pending.Add(ReadAsync(context, probe, table, $"read joined to {parent.QualifiedName}",
                $"{join}p.{context.TenantColumnSql} = {own} AND c.{context.TenantColumnSql} = {own}",
                $"{join}p.{context.TenantColumnSql} = {victim} OR c.{context.TenantColumnSql} = {victim}",
                $"joining {table.QualifiedName} to {parent.QualifiedName}", ct));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <summary>The control (A's own rows), then the attack (other tenants' rows) through the same statement shape.</summary>
    private static async Task ReadAsync(AttackContext context, Probe probe, SeedTable table, string path, string controlSql, string attackSql,
        string where, CancellationToken ct)
    {
        var control = await probe.CountAsync(context.TenantA, controlSql, ct).ConfigureAwait(false);
        context.Controls.Record(table, path, control, control.Succeeded);
        var outcome = await probe.CountAsync(context.TenantA, attackSql, ct).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            Report(context, table.QualifiedName, table.QualifiedName, $"Tenant A read {outcome.Rows} row(s) of other tenants {where}.", context.RowSecurityFix(table), outcome);
        }
    }

    public static async Task RunOnViewsAndFunctionsAsync(AttackContext context, Probe probe, CancellationToken ct)
    {
        var victim = AttackContext.UntypedLiteral(context.TenantB);
        foreach (var view in context.Seed.Schema.Views)
        {
            if (!view.HasTenantColumn)
            {
                context.Inconclusive.Add($"view {view.QualifiedName}: no {context.Target.TenantColumn} column to tell tenants apart; not attacked");
                continue;
            }

            var control = await probe.CountAsync(context.TenantA, $"SELECT count(*) FROM {view.Sql} WHERE {context.TenantColumnSql} = {AttackContext.UntypedLiteral(context.TenantA)}", ct).ConfigureAwait(false);
            var outcome = await probe.CountAsync(context.TenantA, $"SELECT count(*) FROM {view.Sql} WHERE {context.TenantColumnSql} = {victim}", ct).ConfigureAwait(false);
            if (!control.Succeeded && !outcome.Succeeded)
            {
                context.Inconclusive.Add($"view {view.QualifiedName}: tenant A sees none of its own rows through it either ({Why(control)}), so the refused read proves nothing");
            }

            if (outcome.Succeeded)
            {
                Report(context, view.QualifiedName, null, $"Tenant A read {outcome.Rows} of tenant B's row(s) through the {(view.Materialized ? "materialized view" : "view")} {view.QualifiedName}.",
                    view.Materialized
                        ? $"A materialized view has no row-level security: revoke SELECT on {view.QualifiedName} from the application role and serve it through a security_invoker view or function that filters by tenant."
                        : $"ALTER VIEW {view.Sql} SET (security_invoker = true); so the policies of the tables beneath apply to the caller.",
                    outcome);
            }
        }

        foreach (var function in context.Seed.Schema.Functions)
        {
            if (!function.ResultHasTenantColumn)
            {
                context.Inconclusive.Add($"function {function.Signature}: its result has no {context.Target.TenantColumn} column; not attacked");
                continue;
            }

            var arguments = ArgumentsFor(context, function, context.TenantB);
            if (arguments is null)
            {
                context.Inconclusive.Add($"function {function.Signature}: no value for its argument types ({string.Join(", ", function.ArgumentTypes)}); not attacked");
                continue;
            }

            var call = $"SELECT count(*) FROM {SqlText.Identifier(function.Schema)}.{SqlText.Identifier(function.Name)}";
            var outcome = await probe.CountAsync(context.TenantA, $"{call}({arguments}) AS r WHERE r.{context.TenantColumnSql} = {victim}", ct).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                var own = AttackContext.UntypedLiteral(context.TenantA);
                var control = await probe.CountAsync(context.TenantA,
                    $"{call}({ArgumentsFor(context, function, context.TenantA)}) AS r WHERE r.{context.TenantColumnSql} = {own}", ct).ConfigureAwait(false);
                if (!control.Succeeded)
                {
                    context.Inconclusive.Add($"function {function.Signature}: tenant A gets none of its own rows from it either ({Why(control)}), so the refused read proves nothing");
                }
            }

            if (outcome.Succeeded)
            {
                Report(context, function.Signature, null, $"Tenant A read {outcome.Rows} of tenant B's row(s) through the function {function.Signature}{(function.SecurityDefiner ? " (SECURITY DEFINER)" : string.Empty)}.",
                    $"Make {function.Signature} SECURITY INVOKER (ALTER FUNCTION {function.Signature} SECURITY INVOKER;) or filter by current_setting('{context.Target.TenantSetting}') inside it, and never by a tenant passed as an argument.",
                    outcome);
            }
        }
    }

    /// <summary>Arguments that widen the result as far as possible: the given tenant where a tenant is asked for, an
    /// empty search term, a large limit.</summary>
    private static string? ArgumentsFor(AttackContext context, SeedFunction function, string tenant)
    {
        var arguments = new List<string>();
        for (var i = 0; i < function.ArgumentTypes.Count; i++)
        {
            var type = function.ArgumentTypes[i];
            var name = function.ArgumentNames[i];
            string? value = name.Contains("tenant", StringComparison.OrdinalIgnoreCase) || type == context.Seed.TenantSqlType
                ? SqlText.Literal(tenant, type)
                : type switch
                {
                    "text" or "character varying" => "''::" + type,
                    "integer" or "bigint" or "smallint" or "numeric" => "1000::" + type,
                    "boolean" => "true",
                    _ => null,
                };
            if (value is null)
            {
                return null;
            }

            arguments.Add(value);
        }

        return string.Join(", ", arguments);
    }

    private static string Why(ProbeOutcome outcome) =>
        outcome.Error is { } error ? $"{error.SqlState} {error.MessageText}" : "no row";

    private static void Report(AttackContext context, string objectName, string? table, string message, string fix, ProbeOutcome outcome) =>
        context.Findings.Add(AttackRules.CrossTenantRead, objectName, table, message, fix, outcome.Transcript);
}
