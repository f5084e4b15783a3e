using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1020AppRoleCanEscalate : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1020;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        // A superuser app role can become anyone; TG1004 already says so.
        if (context.Catalog.AppRole.Role.BypassesRls)
            yield break;
        foreach (var role in context.Catalog.AppRole.CanSetRoleTo)
        {
            var owned = context.TopLevelTenantTables.Where(t => t.Owner == role).Select(t => t.QualifiedName).ToList();
            var bypasses = context.Catalog.Bypasses(role);
            if (!bypasses && owned.Count == 0)
                continue;
            var power = bypasses ? "bypasses row-level security" : $"owns {string.Join(", ", owned.Take(3))}{(owned.Count > 3 ? ", …" : "")}";
            yield return Finding(
                role,
                $"{context.AppRole} is a member of {role}, which {power}: one SET ROLE {role} from any SQL the application runs escapes every tenant policy.",
                $"REVOKE {Sql.Ident(role)} FROM {Sql.Ident(context.AppRole)};",
                table: null);
        }
    }
}
