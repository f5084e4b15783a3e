using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2005: with A's context, create a row of A's own (a copy of one of A's rows with fresh keys, so no child
/// references it), then move it to B: set the tenant column to B and repoint composite foreign keys that carry the
/// tenant at B's parent rows, so only the policy's WITH CHECK can refuse the move. The control makes the same update
/// keeping the row with A (tenant and parents A's own).</summary>
public static class RowMoveAttack
{
    private const string RowSecurityViolation = "42501";

    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanUpdate || (!table.AppCanInsert && AttackRows.HasFreshKey(table, context.Target.TenantColumn)))
        {
            return;
        }

        if (table.IsOneRowPerValueOf(context.Target.TenantColumn))
        {
            // A tenant registry: moving a row to B means taking B's own key, which the key itself refuses.
            return;
        }

        // A fresh copy has no children whose foreign keys could refuse the move first. A table whose key is all
        // tenant and foreign keys (a junction table) cannot be copied without a duplicate; its rows rarely have
        // children, so one of A's seeded rows is moved instead.
        var template = context.Seed.RowsOf(table, context.TenantA)[^1];
        var hasFreshKey = AttackRows.HasFreshKey(table, context.Target.TenantColumn);
        var ownRow = hasFreshKey
            ? AttackRows.CopyWithFreshKeys(table, template, context.Target.TenantColumn)
            : template.Values.ToDictionary(v => v.Key, v => v.Value);
        var setup = hasFreshKey ? AttackRows.InsertSql(table, ownRow) : null;
        var control = await probe.ExecuteAsync(context.TenantA, MoveTo(context, table, ownRow, context.TenantA), ct, setup).ConfigureAwait(false);
        context.Controls.Record(table, "update of its own row's tenant", control, control.PassedRowSecurity);
        var outcome = await probe.ExecuteAsync(context.TenantA, MoveTo(context, table, ownRow, context.TenantB), ct, setup).ConfigureAwait(false);
        if (outcome.PassedRowSecurity)
        {
            var what = outcome.Succeeded ? "moved its own row" : "got a move of its own row past row-level security (only a unique or foreign key refused it)";
            context.Findings.Add(AttackRules.RowMovedToOtherTenant, table.QualifiedName, table.QualifiedName,
                $"Tenant A {what} in {table.QualifiedName} to tenant B.",
                context.RowSecurityFix(table) + " The policy needs WITH CHECK (FOR ALL / FOR UPDATE) bound to the tenant.", outcome.Transcript);
        }
        else if (outcome.Error is { } error && error.SqlState != RowSecurityViolation)
        {
            context.Inconclusive.Add($"move of a row of {table.QualifiedName} to tenant B: {error.SqlState} {error.MessageText} (not a row-level security refusal)");
        }
    }

    /// <summary>UPDATE the row so it belongs to the tenant: the tenant column, and composite foreign keys that carry the
    /// tenant pointed at that tenant's parent rows.</summary>
    private static string MoveTo(AttackContext context, SeedTable table, IReadOnlyDictionary<string, string?> row, string tenant)
    {
        var assignments = new Dictionary<string, string> { [context.Target.TenantColumn] = context.Literal(tenant, table) };
        foreach (var foreignKey in table.ForeignKeys.Where(f => f.Columns.Contains(context.Target.TenantColumn) && f.Columns.Count > 1))
        {
            var parent = context.Seed.Schema.Table(foreignKey.ReferencedTable);
            var parentRow = parent is null ? null : context.Seed.RowsOf(parent, tenant).FirstOrDefault();
            if (parent is null || parentRow is null)
            {
                continue;
            }

            for (var i = 0; i < foreignKey.Columns.Count; i++)
            {
                var column = table.Column(foreignKey.Columns[i])!;
                assignments.TryAdd(column.Name, SqlText.Literal(parentRow[foreignKey.ReferencedColumns[i]], column.SqlType));
            }
        }

        var set = string.Join(", ", assignments.Select(a => $"{SqlText.Identifier(a.Key)} = {a.Value}"));
        return $"UPDATE {table.Sql} SET {set} WHERE {SqlText.KeyEquals(string.Empty, table, table.RowKey, row)}";
    }
}
