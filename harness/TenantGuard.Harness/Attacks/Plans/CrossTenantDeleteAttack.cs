using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2003: with A's context, delete one of B's rows. A foreign-key error counts as a success: the policy let
/// the delete reach the row and only a child row stopped it. The control deletes one of A's own rows the same way.</summary>
public static class CrossTenantDeleteAttack
{
    private const string ForeignKeyViolation = "23503";

    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanDelete)
        {
            return;
        }

        string DeleteOf(SeededRow row) => AttackRows.DeleteSql(table, row);

        var control = await probe.ExecuteAsync(context.TenantA, DeleteOf(context.Seed.RowsOf(table, context.TenantA)[^1]), ct).ConfigureAwait(false);
        context.Controls.Record(table, "delete by key", control, control.Succeeded || control.Error?.SqlState == ForeignKeyViolation);
        var outcome = await probe.ExecuteAsync(context.TenantA, DeleteOf(context.Seed.RowsOf(table, context.TenantB)[^1]), ct).ConfigureAwait(false);
        if (outcome.Succeeded || outcome.Error?.SqlState == ForeignKeyViolation)
        {
            var what = outcome.Error is null ? $"deleted {outcome.Rows}" : "reached (only a foreign key stopped the delete of)";
            context.Findings.Add(AttackRules.CrossTenantDelete, table.QualifiedName, table.QualifiedName,
                $"Tenant A {what} tenant B's row(s) in {table.QualifiedName}.", context.RowSecurityFix(table), outcome.Transcript);
        }
    }
}
