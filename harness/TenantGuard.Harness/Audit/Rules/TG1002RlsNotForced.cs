using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>RLS enabled but not forced on a table the app role owns. A superuser app role skips every policy anyway:
/// that is TG1004's finding.</summary>
public sealed class TG1002RlsNotForced : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1002;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        if (context.Catalog.AppRole.Role.Superuser)
            yield break;
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled && !t.RlsForced && t.AppActsAsOwner))
        {
            yield return Finding(
                table.QualifiedName,
                $"{context.AppRole} owns {table.QualifiedName} (owner {context.RoleName(table.Owner)}) and RLS is enabled but not forced: owners bypass " +
                "their own table's policies, so every query the application runs here returns all tenants' rows.",
                $"ALTER TABLE {Sql.Table(table.Schema, table.Name)} FORCE ROW LEVEL SECURITY;",
                table.QualifiedName);
        }
    }
}
