using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Plans;

/// <summary>TG2006: read with no tenant set, with an empty tenant and with a malformed tenant value. An error is a
/// pass (nothing was read); any row is a finding.</summary>
public static class MissingContextReadAttack
{
    public static async Task RunAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct)
    {
        // Rows of a shared tenant the policies name are visible to everyone by design; any other row is a leak.
        var except = context.ExceptSharedTenants(table);
        var sql = except.Length == 0 ? $"SELECT count(*) FROM {table.Sql}" : $"SELECT count(*) FROM {table.Sql} WHERE true{except}";
        foreach (var (how, tenant) in new (string, string?)[] { ("with no tenant set", null), ("with an empty tenant", string.Empty), ("with a malformed tenant", "' OR 1=1 --") })
        {
            var outcome = await probe.CountAsync(tenant, sql, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                context.Findings.Add(AttackRules.RowsVisibleWithoutTenant, table.QualifiedName, table.QualifiedName,
                    $"The application role read {outcome.Rows} row(s) of {table.QualifiedName} {how}.",
                    context.RowSecurityFix(table) + " A policy must match no row when the setting is missing or empty (current_setting(…, true) with nullif), never fall back to a default tenant.",
                    outcome.Transcript);
            }
        }
    }
}
