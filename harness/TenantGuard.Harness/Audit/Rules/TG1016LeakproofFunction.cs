using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1016LeakproofFunction : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1016;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        if (context.TenantTables.Count == 0)
            yield break;
        foreach (var function in context.Catalog.Functions.Where(f => f.Leakproof && f.AppCanExecute))
        {
            var signature = FunctionNames.Qualified(function);
            yield return Finding(
                signature,
                $"{signature} is marked LEAKPROOF, so the planner may run it on rows before the tenant policy filters them out; " +
                $"if it can raise an error, log or otherwise reveal its arguments, {context.AppRole} learns other tenants' values through it.",
                $"ALTER FUNCTION {signature} NOT LEAKPROOF;",
                table: null);
        }
    }
}
