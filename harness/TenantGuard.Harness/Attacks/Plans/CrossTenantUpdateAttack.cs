using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2002: with A's context, update one of B's rows (setting a column to itself, so even a success changes
/// nothing visible; the transaction is rolled back anyway). The control updates one of A's own rows the same way.</summary>
public static class CrossTenantUpdateAttack
{
    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanUpdate)
        {
            return;
        }

        string UpdateOf(SeededRow row) => AttackRows.NoOpUpdateSql(table, row, context.Target.TenantColumn);

        var control = await probe.ExecuteAsync(context.TenantA, UpdateOf(context.Seed.RowsOf(table, context.TenantA)[0]), ct).ConfigureAwait(false);
        context.Controls.Record(table, "update by key", control, control.Succeeded);
        var outcome = await probe.ExecuteAsync(context.TenantA, UpdateOf(context.Seed.RowsOf(table, context.TenantB)[0]), ct).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            context.Findings.Add(AttackRules.CrossTenantUpdate, table.QualifiedName, table.QualifiedName,
                $"Tenant A updated {outcome.Rows} of tenant B's row(s) in {table.QualifiedName}.", context.RowSecurityFix(table), outcome.Transcript);
        }
    }
}
