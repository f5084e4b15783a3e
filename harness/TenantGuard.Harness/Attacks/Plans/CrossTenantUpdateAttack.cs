using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2002: with A's context, update one of B's rows (setting a column to itself, so even a success changes
/// nothing visible; the transaction is rolled back anyway).</summary>
public static class CrossTenantUpdateAttack
{
    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanUpdate)
        {
            return;
        }

        var victimRow = context.Seed.RowsOf(table, context.TenantB)[0];
        var column = table.Columns.FirstOrDefault(c => !table.RowKey.Contains(c.Name) && !c.DatabaseFilled && c.Name != context.Target.TenantColumn)
                     ?? table.Column(context.Target.TenantColumn)!;
        var target = SqlText.Identifier(column.Name);
        var sql = $"UPDATE {table.Sql} SET {target} = {target} WHERE {SqlText.KeyEquals(string.Empty, table, table.RowKey, victimRow.Values)}";
        var outcome = await probe.ExecuteAsync(context.TenantA, sql, ct).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            context.Findings.Add(AttackRules.CrossTenantUpdate, table.QualifiedName, table.QualifiedName,
                $"Tenant A updated {outcome.Rows} of tenant B's row(s) in {table.QualifiedName}.", context.RowSecurityFix(table), outcome.Transcript);
        }
    }
}
