using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

public sealed class TG1005AppRoleOwnsTenantTable : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1005;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var newOwner = Sql.Ident(context.Target.OwnerRole ?? "migration_owner");
        foreach (var table in context.TopLevelTenantTables.Where(t => t.AppActsAsOwner))
        {
            yield return Finding(
                table.QualifiedName,
                $"{context.AppRole} owns {table.QualifiedName} (owner {table.Owner}): any request that reaches SQL can run ALTER TABLE … " +
                "DISABLE ROW LEVEL SECURITY or DROP POLICY, and without FORCE the owner skips the policies altogether.",
                $"ALTER TABLE {Sql.Table(table.Schema, table.Name)} OWNER TO {newOwner};\n" +
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON {Sql.Table(table.Schema, table.Name)} TO {Sql.Ident(context.AppRole)};",
                table.QualifiedName);
        }
    }
}
