using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1009ViewBypassesRls : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1009;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var view in context.Catalog.Views.Where(v => !v.Materialized && !v.SecurityInvoker && v.AppCanSelect))
        {
            var exposed = context.Catalog.TablesBehind(view)
                .Where(context.IsTenantTable)
                .Select(oid => context.Catalog.Table(oid)!)
                .Where(table => context.ReadsWithoutPolicies(view.Owner, table))
                .OrderBy(table => table.QualifiedName, StringComparer.Ordinal)
                .ToList();
            if (exposed.Count == 0)
                continue;
            var tables = string.Join(", ", exposed.Select(t => t.QualifiedName));
            yield return Finding(
                view.QualifiedName,
                $"View {view.QualifiedName} runs with its owner's rights ({context.RoleName(view.Owner)}), and the owner is not subject to the policies of {tables}: " +
                $"{context.AppRole} reads every tenant's rows through the view.",
                $"ALTER VIEW {Sql.Table(view.Schema, view.Name)} SET (security_invoker = true);",
                exposed[0].QualifiedName);
        }
    }
}
