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
            // Only what the table lacks: its policies and FORCE may already be there, waiting for ENABLE.
            var fix = new List<string> { $"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;" };
            if (!table.RlsForced)
                fix.Add($"ALTER TABLE {name} FORCE ROW LEVEL SECURITY;");
            if (context.PoliciesForApp(table).Count == 0)
                fix.Add(context.TenantPolicySql(table));
            yield return Finding(
                table.QualifiedName,
                $"Row-level security is disabled on {table.QualifiedName}: {context.AppRole} sees and changes every tenant's rows in it, " +
                "whatever tenant the request is for; only the application's own WHERE clauses stand between tenants.",
                string.Join('\n', fix),
                table.QualifiedName);
        }
    }
}
