using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>Seed 003's DEFAULT_TENANT_ID placeholder, moved into SQL: COALESCE(current_setting('app.tenant_id', true),
/// '&lt;default tenant&gt;'). A pooled connection or background job without a tenant then reads the default tenant's rows.</summary>
public sealed class TG1017TenantSettingFallback : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1017;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TenantTables)
        {
            foreach (var policy in context.PoliciesForApp(table))
            {
                var fallback = new[] { policy.Using, policy.WithCheck }
                    .Where(e => e is not null)
                    .SelectMany(e => context.Policies.Verdict(table, e!).SettingFallbacks)
                    .FirstOrDefault();
                if (fallback is null)
                    continue;
                yield return Finding(
                    $"{policy.Name} on {table.QualifiedName}",
                    $"Policy {policy.Name} on {table.QualifiedName} substitutes a default when the tenant setting is missing ({fallback}): any " +
                    "connection that forgot to set the tenant — a background job, a pooled connection after RESET — reads and writes that default tenant's rows.",
                    $"ALTER POLICY {Sql.Ident(policy.Name)} ON {Sql.Table(table.Schema, table.Name)} USING ({context.TenantPredicate(table)});",
                    table.QualifiedName);
            }
        }
    }
}
