using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1011TruncateGranted : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1011;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TenantTables.Where(t => t.AppPrivileges.Truncate && !t.AppActsAsOwner))
        {
            yield return Finding(
                table.QualifiedName,
                $"{context.AppRole} holds TRUNCATE on {table.QualifiedName} (often through GRANT ALL): TRUNCATE ignores row-level security, " +
                "so one tenant's request can erase every tenant's rows.",
                $"REVOKE TRUNCATE ON {Sql.Table(table.Schema, table.Name)} FROM {Sql.Ident(context.AppRole)}, PUBLIC;",
                table.QualifiedName);
        }
    }
}
