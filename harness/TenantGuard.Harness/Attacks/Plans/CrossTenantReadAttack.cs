using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2001: with A's context, read B's rows by key, by scan, through joins on foreign keys, through views and
/// through set-returning functions the application role can use.</summary>
public static class CrossTenantReadAttack
{
    public static async Task RunOnTableAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        var victimRow = context.Seed.RowsOf(table, context.TenantB)[0];
        var byKey = $"SELECT count(*) FROM {table.Sql} WHERE {SqlText.KeyEquals(string.Empty, table, table.RowKey, victimRow.Values)}";
        var byScan = $"SELECT count(*) FROM {table.Sql} WHERE {context.TenantColumnSql} <> {context.Literal(context.TenantA)}";
        foreach (var (how, sql) in new[] { ("by key", byKey), ("by scan", byScan) })
        {
            var outcome = await probe.CountAsync(context.TenantA, sql, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                Report(context, table.QualifiedName, table.QualifiedName, $"Tenant A read {outcome.Rows} row(s) of other tenants in {table.QualifiedName} {how}.", context.RowSecurityFix(table), outcome);
            }
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            var parent = context.Seed.Schema.Table(foreignKey.ReferencedTable);
            if (parent?.Column(context.Target.TenantColumn) is null || parent == table)
            {
                continue;
            }

            var on = string.Join(" AND ", foreignKey.Columns.Select((c, i) => $"c.{SqlText.Identifier(c)} = p.{SqlText.Identifier(foreignKey.ReferencedColumns[i])}"));
            var sql = $"SELECT count(*) FROM {table.Sql} c JOIN {parent.Sql} p ON {on} WHERE p.{context.TenantColumnSql} = {context.Literal(context.TenantB)} OR c.{context.TenantColumnSql} = {context.Literal(context.TenantB)}";
            var outcome = await probe.CountAsync(context.TenantA, sql, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                Report(context, table.QualifiedName, table.QualifiedName, $"Tenant A reached {outcome.Rows} of tenant B's row(s) joining {table.QualifiedName} to {parent.QualifiedName}.", context.RowSecurityFix(table), outcome);
            }
        }
    }

    public static async Task RunOnViewsAndFunctionsAsync(AttackContext context, Probe probe, CancellationToken ct)
    {
        var victim = context.Literal(context.TenantB);
        foreach (var view in context.Seed.Schema.Views)
        {
            if (!view.HasTenantColumn)
            {
                context.Inconclusive.Add($"view {view.QualifiedName}: no {context.Target.TenantColumn} column to tell tenants apart; not attacked");
                continue;
            }

            var outcome = await probe.CountAsync(context.TenantA, $"SELECT count(*) FROM {view.Sql} WHERE {context.TenantColumnSql} = {victim}", ct).ConfigureAwait(false);
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

            var arguments = ArgumentsFor(context, function);
            if (arguments is null)
            {
                context.Inconclusive.Add($"function {function.Signature}: no value for its argument types ({string.Join(", ", function.ArgumentTypes)}); not attacked");
                continue;
            }

            var sql = $"SELECT count(*) FROM {SqlText.Identifier(function.Schema)}.{SqlText.Identifier(function.Name)}({arguments}) AS r WHERE r.{context.TenantColumnSql} = {victim}";
            var outcome = await probe.CountAsync(context.TenantA, sql, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                Report(context, function.Signature, null, $"Tenant A read {outcome.Rows} of tenant B's row(s) through the function {function.Signature}{(function.SecurityDefiner ? " (SECURITY DEFINER)" : string.Empty)}.",
                    $"Make {function.Signature} SECURITY INVOKER (ALTER FUNCTION {function.Signature} SECURITY INVOKER;) or filter by current_setting('{context.Target.TenantSetting}') inside it, and never by a tenant passed as an argument.",
                    outcome);
            }
        }
    }

    /// <summary>Arguments that widen the result as far as possible: B's tenant where a tenant is asked for, an empty
    /// search term, a large limit.</summary>
    private static string? ArgumentsFor(AttackContext context, SeedFunction function)
    {
        var arguments = new List<string>();
        for (var i = 0; i < function.ArgumentTypes.Count; i++)
        {
            var type = function.ArgumentTypes[i];
            var name = function.ArgumentNames[i];
            string? value = name.Contains("tenant", StringComparison.OrdinalIgnoreCase) || type == context.Seed.TenantSqlType
                ? context.Literal(context.TenantB)
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

    private static void Report(AttackContext context, string objectName, string? table, string message, string fix, ProbeOutcome outcome) =>
        context.Findings.Add(AttackRules.CrossTenantRead, objectName, table, message, fix, outcome.Transcript);
}
