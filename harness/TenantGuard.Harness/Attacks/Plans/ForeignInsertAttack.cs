using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2004: with A's context, insert a row carrying B's tenant: a copy of one of B's rows with fresh keys, so
/// only the policy can refuse it. The control inserts the same copy of one of A's rows, carrying A's tenant.</summary>
public static class ForeignInsertAttack
{
    private const string RowSecurityViolation = "42501";

    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        if (!table.AppCanInsert)
        {
            return;
        }

        var own = AttackRows.CopyWithFreshKeys(table, context.Seed.RowsOf(table, context.TenantA)[0], context.Target.TenantColumn);
        var control = await probe.ExecuteAsync(context.TenantA, AttackRows.InsertSql(table, own), ct).ConfigureAwait(false);
        context.Controls.Record(table, "insert", control, control.PassedRowSecurity);

        var values = AttackRows.CopyWithFreshKeys(table, context.Seed.RowsOf(table, context.TenantB)[0], context.Target.TenantColumn);
        var sql = AttackRows.InsertSql(table, values);
        var outcome = await probe.ExecuteAsync(context.TenantA, sql, ct).ConfigureAwait(false);
        if (outcome.PassedRowSecurity)
        {
            var what = outcome.Succeeded ? "inserted" : "got past row-level security (only a unique or foreign key refused) with";
            context.Findings.Add(AttackRules.InsertIntoOtherTenant, table.QualifiedName, table.QualifiedName,
                $"Tenant A {what} a row carrying tenant B's {context.Target.TenantColumn} into {table.QualifiedName}.",
                context.RowSecurityFix(table) + " The WITH CHECK clause is what refuses this insert.", outcome.Transcript);
        }
        else if (outcome.Error is { } error && error.SqlState != RowSecurityViolation)
        {
            context.Inconclusive.Add($"insert into {table.QualifiedName} as tenant B: {error.SqlState} {error.MessageText} (not a row-level security refusal)");
        }
    }
}
