using TenantGuard.Harness.Attacks.Probing;
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
        var reads = new (string How, string? Tenant)[] { ("with no tenant set", null), ("with an empty tenant", string.Empty), ("with a malformed tenant", "' OR 1=1 --") };
        var outcomes = await Task.WhenAll(reads.Select(r => probe.CountAsync(r.Tenant, sql, ct))).ConfigureAwait(false);
        for (var i = 0; i < reads.Length; i++)
        {
            if (outcomes[i].Succeeded)
            {
                context.Findings.Add(AttackRules.RowsVisibleWithoutTenant, table.QualifiedName, table.QualifiedName,
                    $"The application role read {outcomes[i].Rows} row(s) of {table.QualifiedName} {reads[i].How}.",
                    context.RowSecurityFix(table) + " A policy must match no row when the setting is missing or empty (current_setting(…, true) with nullif), never fall back to a default tenant.",
                    outcomes[i].Transcript);
            }
        }
    }
}
