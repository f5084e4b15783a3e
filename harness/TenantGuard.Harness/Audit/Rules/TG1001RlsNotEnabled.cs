using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1001RlsNotEnabled : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1001;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TopLevelTenantTables.Where(t => !t.RlsEnabled))
        {
            var name = Sql.Table(table.Schema, table.Name);
            yield return Finding(
                table.QualifiedName,
                $"Row-level security is disabled on {table.QualifiedName}: {context.AppRole} sees and changes every tenant's rows in it, " +
                "whatever tenant the request is for; only the application's own WHERE clauses stand between tenants.",
                $"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\nALTER TABLE {name} FORCE ROW LEVEL SECURITY;\n{context.TenantPolicySql(table)}",
                table.QualifiedName);
        }
    }
}
