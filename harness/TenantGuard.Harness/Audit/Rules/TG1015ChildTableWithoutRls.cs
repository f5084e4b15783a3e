using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1015ChildTableWithoutRls : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1015;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var reported = new HashSet<uint>();
        foreach (var key in context.Catalog.ForeignKeys.Where(k => !context.IsTenantTable(k.TableOid) && context.IsTenantTable(k.ReferencedOid)))
        {
            var child = context.Catalog.Table(key.TableOid);
            if (child is null || child.RlsEnabled || !child.AppPrivileges.Select || child.PartitionOf is not null || !reported.Add(child.Oid))
                continue;
            var parent = context.Catalog.Table(key.ReferencedOid)!;
            var childName = Sql.Table(child.Schema, child.Name);
            var join = string.Join(" AND ", key.Columns.Zip(key.ReferencedColumns, (c, r) => $"p.{Sql.Ident(r)} = {Sql.Ident(child.Name)}.{Sql.Ident(c)}"));
            var throughParent = $"EXISTS (SELECT 1 FROM {Sql.Table(parent.Schema, parent.Name)} p WHERE {join})";
            yield return Finding(
                child.QualifiedName,
                $"{child.QualifiedName} has no {context.TenantColumn} and no row-level security, but its rows belong to tenant rows of " +
                $"{parent.QualifiedName} (foreign key {key.Name}): {context.AppRole} reads every tenant's child rows directly.",
                $"ALTER TABLE {childName} ENABLE ROW LEVEL SECURITY;\nALTER TABLE {childName} FORCE ROW LEVEL SECURITY;\n" +
                $"-- the parent's policy limits the sub-select to the current tenant\n" +
                $"CREATE POLICY {Sql.Ident(child.Name + "_via_" + parent.Name)} ON {childName} TO {Sql.Ident(context.AppRole)} " +
                $"USING ({throughParent}) WITH CHECK ({throughParent});",
                parent.QualifiedName);
        }
    }
}
