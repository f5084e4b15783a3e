using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>
/// A tenant the policies name (<c>tenant_id = '0000…'</c>, a "platform" tenant whose rows every tenant sees) is shared
/// for reading by design; for writing it must stay its own. With A's context, update, delete and insert rows of that
/// tenant: one that succeeds lets any tenant change what every tenant reads (TG2002, TG2003, TG2004). The positive
/// controls are those of the update, delete and insert attacks on the same table (A's own rows).
/// </summary>
public static class SharedTenantWriteAttack
{
    private const string ForeignKeyViolation = "23503";

    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        foreach (var shared in context.Target.SharedTenants)
        {
            var row = context.Seed.RowsOf(table, shared).FirstOrDefault();
            if (row is null)
            {
                continue;
            }

            var what = $"a row of the shared tenant {shared} (the policies let every tenant read it) in {table.QualifiedName}";
            if (table.AppCanUpdate)
            {
                var update = await probe.ExecuteAsync(context.TenantA, AttackRows.NoOpUpdateSql(table, row, context.Target.TenantColumn), ct).ConfigureAwait(false);
                if (update.Succeeded)
                {
                    context.Findings.Add(AttackRules.CrossTenantUpdate, table.QualifiedName, table.QualifiedName,
                        $"Tenant A updated {what}: any tenant can change what every tenant reads.", SharedFix(context, table), update.Transcript);
                }
            }

            if (table.AppCanDelete)
            {
                var delete = await probe.ExecuteAsync(context.TenantA, AttackRows.DeleteSql(table, row), ct).ConfigureAwait(false);
                if (delete.Succeeded || delete.Error?.SqlState == ForeignKeyViolation)
                {
                    context.Findings.Add(AttackRules.CrossTenantDelete, table.QualifiedName, table.QualifiedName,
                        $"Tenant A {(delete.Succeeded ? "deleted" : "reached (only a foreign key stopped the delete of)")} {what}.",
                        SharedFix(context, table), delete.Transcript);
                }
            }

            if (table.AppCanInsert && !table.IsOneRowPerValueOf(context.Target.TenantColumn))
            {
                var copy = AttackRows.CopyWithFreshKeys(table, row, context.Target.TenantColumn);
                var insert = await probe.ExecuteAsync(context.TenantA, AttackRows.InsertSql(table, copy), ct).ConfigureAwait(false);
                if (insert.PassedRowSecurity)
                {
                    context.Findings.Add(AttackRules.InsertIntoOtherTenant, table.QualifiedName, table.QualifiedName,
                        $"Tenant A inserted a row carrying the shared tenant {shared} into {table.QualifiedName}: any tenant can add to what every tenant reads.",
                        SharedFix(context, table), insert.Transcript);
                }
            }
        }
    }

    private static string SharedFix(AttackContext context, SeedTable table) =>
        $"Keep the shared tenant in USING only (read) and bind WITH CHECK to the current tenant alone, e.g. " +
        $"USING ({context.TenantColumnSql} = <current tenant> OR {context.TenantColumnSql} = <shared tenant>) " +
        $"WITH CHECK ({context.TenantColumnSql} = <current tenant>), with separate FOR UPDATE / FOR DELETE policies whose USING is the current tenant alone.\n" +
        context.RowSecurityFix(table);
}
