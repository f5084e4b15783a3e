using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>The app role owns a tenant table (directly or through a role whose privileges it inherits). A superuser app
/// role "owns" everything and is TG1004's finding, not this one.</summary>
public sealed class TG1005AppRoleOwnsTenantTable : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1005;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        if (context.Catalog.AppRole.Role.Superuser)
            yield break;
        foreach (var table in context.TopLevelTenantTables.Where(t => t.AppActsAsOwner))
        {
            yield return Finding(
                table.QualifiedName,
                $"{context.AppRole} owns {table.QualifiedName} (owner {context.RoleName(table.Owner)}): any request that reaches SQL can run ALTER TABLE … " +
                "DISABLE ROW LEVEL SECURITY or DROP POLICY, and without FORCE the owner skips the policies altogether.",
                $"-- as the role that runs your migrations (not {context.AppRole}):\n" +
                $"ALTER TABLE {Sql.Table(table.Schema, table.Name)} OWNER TO {NewOwner(context)};\n" +
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON {Sql.Table(table.Schema, table.Name)} TO {Sql.Ident(context.AppRole)};",
                table.QualifiedName);
        }
    }

    /// <summary>The owner to hand the table to: a migration role the user named, else whoever runs the fix (CURRENT_USER)
    /// — never the role the harness made to stand in for the user's migration role.</summary>
    private static string NewOwner(AuditContext context) =>
        context.Target.OwnerRole is { } owner && !OwnerRoles.IsHarnessOwner(owner) ? Sql.Ident(owner) : "CURRENT_USER";
}
