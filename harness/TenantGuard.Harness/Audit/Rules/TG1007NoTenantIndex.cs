using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1007NoTenantIndex : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1007;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TopLevelTenantTables.Where(t => t.Column(context.TenantColumn) is not null))
        {
            if (context.Catalog.IndexesOn(table).Any(i => !i.Partial && i.Columns.Count > 0 && i.Columns[0] == context.TenantColumn))
                continue;
            yield return Finding(
                table.QualifiedName,
                $"No index on {table.QualifiedName} starts with {context.TenantColumn}: every RLS-filtered query reads all tenants' rows, " +
                "so one large tenant slows every other tenant down and timing reveals how much data the others hold.",
                $"CREATE INDEX ON {Sql.Table(table.Schema, table.Name)} ({Sql.Ident(context.TenantColumn)});",
                table.QualifiedName);
        }
    }
}
