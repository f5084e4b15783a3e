using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1019DefinerWithoutSearchPath : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1019;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var function in context.Catalog.Functions.Where(f => f.SecurityDefiner && f.AppCanExecute && !f.HasFixedSearchPath))
        {
            var signature = FunctionNames.Qualified(function);
            yield return Finding(
                signature,
                $"SECURITY DEFINER function {signature} runs as {context.RoleName(function.Owner)} without a fixed search_path: {context.AppRole} can create a " +
                "function or table with a name the body uses in a schema searched first, and have it run with the owner's rights over every tenant's rows.",
                $"ALTER FUNCTION {signature} SET search_path = pg_catalog, {Sql.Ident(function.Schema)};",
                FunctionNames.TenantTablesTouched(context, function).FirstOrDefault()?.QualifiedName);
        }
    }
}
