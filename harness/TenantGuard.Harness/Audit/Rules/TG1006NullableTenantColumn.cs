using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1006NullableTenantColumn : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1006;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TopLevelTenantTables)
        {
            var column = table.Column(context.TenantColumn);
            if (column is null || column.NotNull)
                continue;
            var name = Sql.Table(table.Schema, table.Name);
            var col = Sql.Ident(column.Name);
            yield return Finding(
                $"{table.QualifiedName}.{column.Name}",
                $"{table.QualifiedName}.{column.Name} accepts NULL: a row without a tenant matches no tenant's policy, and the backfills " +
                "and defaults that later 'repair' such rows assign them to whichever tenant runs them (seed 000's UPDATE … WHERE team_id IS NULL).",
                $"-- assign or delete rows without a tenant first: SELECT count(*) FROM {name} WHERE {col} IS NULL;\n" +
                $"ALTER TABLE {name} ALTER COLUMN {col} SET NOT NULL;",
                table.QualifiedName);
        }
    }
}
