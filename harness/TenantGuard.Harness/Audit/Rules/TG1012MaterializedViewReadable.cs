using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1012MaterializedViewReadable : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1012;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var view in context.Catalog.Views.Where(v => v.Materialized && v.AppCanSelect))
        {
            var sources = context.Catalog.TablesBehind(view)
                .Where(context.IsTenantTable)
                .Select(oid => context.Catalog.Table(oid)!.QualifiedName)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (sources.Count == 0)
                continue;
            yield return Finding(
                view.QualifiedName,
                $"Materialized view {view.QualifiedName} copies rows of {string.Join(", ", sources)} and has no row-level security; " +
                $"{context.AppRole} can read every tenant's copy from it.",
                $"REVOKE SELECT ON {Sql.Table(view.Schema, view.Name)} FROM {Sql.Ident(context.AppRole)}, PUBLIC;\n" +
                "-- serve tenants through a query or a security_invoker view that filters by the tenant instead",
                sources[0]);
        }
    }
}
