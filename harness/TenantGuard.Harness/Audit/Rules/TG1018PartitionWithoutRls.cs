using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1018PartitionWithoutRls : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1018;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var partition in context.TenantTables.Where(t => t.PartitionOf is not null && !t.RlsEnabled && t.AppPrivileges.Any))
        {
            var parent = context.Catalog.Table(partition.PartitionOf!.Value);
            var name = Sql.Table(partition.Schema, partition.Name);
            yield return Finding(
                partition.QualifiedName,
                $"{partition.QualifiedName} is a partition of {parent?.QualifiedName ?? "a tenant table"}; the parent's policies apply only to queries " +
                $"through the parent, and the partition has no row-level security of its own, so {context.AppRole} reads every tenant's rows " +
                "in it by naming it directly.",
                $"REVOKE ALL ON {name} FROM {Sql.Ident(context.AppRole)}, PUBLIC;\n" +
                $"-- or give the partition its own policies:\nALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\nALTER TABLE {name} FORCE ROW LEVEL SECURITY;\n" +
                context.TenantPolicySql(partition),
                parent?.QualifiedName ?? partition.QualifiedName);
        }
    }
}
