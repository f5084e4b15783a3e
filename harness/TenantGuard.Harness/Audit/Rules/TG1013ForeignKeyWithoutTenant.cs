using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1013ForeignKeyWithoutTenant : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1013;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var tenant = context.TenantColumn;
        foreach (var key in context.Catalog.ForeignKeys.Where(k => context.IsTenantTable(k.TableOid) && context.IsTenantTable(k.ReferencedOid)))
        {
            var table = context.Catalog.Table(key.TableOid)!;
            var referenced = context.Catalog.Table(key.ReferencedOid)!;
            if (table.Column(tenant) is null || referenced.Column(tenant) is null)
                continue;
            var position = key.Columns.ToList().IndexOf(tenant);
            if (position >= 0 && key.ReferencedColumns[position] == tenant)
                continue;

            var child = Sql.Table(table.Schema, table.Name);
            var parent = Sql.Table(referenced.Schema, referenced.Name);
            var columns = string.Join(", ", key.Columns.Where(c => c != tenant).Select(Sql.Ident).Prepend(Sql.Ident(tenant)));
            var referencedColumns = string.Join(", ", key.ReferencedColumns.Where(c => c != tenant).Select(Sql.Ident).Prepend(Sql.Ident(tenant)));
            yield return Finding(
                $"{key.Name} on {table.QualifiedName}",
                $"Foreign key {key.Name} ({string.Join(", ", key.Columns)}) → {referenced.QualifiedName} does not include {tenant}: a row of one tenant " +
                "can point at another tenant's row, and the key's existence check (which ignores RLS) confirms which foreign ids exist.",
                $"ALTER TABLE {parent} ADD UNIQUE ({referencedColumns});\n" +
                $"ALTER TABLE {child} DROP CONSTRAINT {Sql.Ident(key.Name)};\n" +
                $"ALTER TABLE {child} ADD CONSTRAINT {Sql.Ident(key.Name)} FOREIGN KEY ({columns}) REFERENCES {parent} ({referencedColumns});",
                table.QualifiedName);
        }
    }
}
