using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1010SecurityDefinerFunction : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1010;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var function in context.Catalog.Functions.Where(f => f.SecurityDefiner && f.AppCanExecute))
        {
            var exposed = FunctionNames.TenantTablesTouched(context, function)
                .Where(table => context.ReadsWithoutPolicies(function.Owner, table))
                .ToList();
            if (exposed.Count == 0)
                continue;
            var signature = FunctionNames.Qualified(function);
            var tables = string.Join(", ", exposed.Select(t => t.QualifiedName));
            yield return Finding(
                signature,
                $"{context.AppRole} can execute SECURITY DEFINER function {signature}, which runs as {function.Owner}; that owner is not subject to " +
                $"the policies of {tables}, so the function reads or changes any tenant's rows there for whoever calls it.",
                $"ALTER FUNCTION {signature} SECURITY INVOKER;\n" +
                $"-- or, if it must run as its owner, filter by the tenant inside it and limit who may call it:\n" +
                $"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC, {Sql.Ident(context.AppRole)};",
                exposed[0].QualifiedName);
        }
    }
}
