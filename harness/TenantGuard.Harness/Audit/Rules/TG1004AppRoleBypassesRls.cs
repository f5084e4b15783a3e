using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1004AppRoleBypassesRls : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1004;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var role = context.Catalog.AppRole.Role;
        if (!role.BypassesRls)
            yield break;
        var what = role.Superuser ? "a superuser" : "BYPASSRLS";
        yield return Finding(
            role.Name,
            $"The application role {role.Name} is {what}: row-level security never applies to it, so every query it runs sees all tenants' rows.",
            $"ALTER ROLE {Sql.Ident(role.Name)} NOSUPERUSER NOBYPASSRLS;",
            table: null);
    }
}
