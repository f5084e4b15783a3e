using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Databases;

namespace TenantGuard.Harness.Audit;

/// <summary>Configuration mistakes that would make a clean report meaningless: a wrong tenant column, a listed tenant
/// table that does not exist, an app role the migrations never mention. Each is a <see cref="HarnessException"/>
/// (exit 2) rather than a silent "no findings".</summary>
internal static class AuditPreconditions
{
    public static void Check(AuditContext context)
    {
        CheckListedTablesExist(context);
        CheckTenantTablesFound(context);
        CheckAppRoleReachesTenantTables(context);
    }

    private static void CheckListedTablesExist(AuditContext context)
    {
        var missing = context.Options.TenantTables
            .Where(name => !context.Catalog.Tables.Any(t => Names(t, name)))
            .ToList();
        if (missing.Count > 0)
            throw new HarnessException(
                $"Tenant table(s) {string.Join(", ", missing)} (from tenantTables in tenantguard.json or --tenant-table) do not exist " +
                "after the migrations. Fix the name (schema.table) or remove it.");
    }

    private static void CheckTenantTablesFound(AuditContext context)
    {
        if (context.TenantTables.Count > 0)
            return;
        var hint = TenantColumnHint.Describe(context.Catalog.Tables.SelectMany(t => t.Columns.Select(c => c.Name)));
        throw new HarnessException(
            $"No table has a column named {context.TenantColumn} ({context.Catalog.Tables.Count} table(s) after the migrations), " +
            $"so there is nothing to audit.{hint} Pass the column that says which tenant owns a row with --tenant-column " +
            "(WithTenantColumn), or list tenant tables in tenantguard.json (\"tenantTables\").");
    }

    private static void CheckAppRoleReachesTenantTables(AuditContext context)
    {
        var appRole = context.Catalog.AppRole.Role;
        var reaches = appRole.Superuser || appRole.BypassRls
            || context.TenantTables.Any(t => t.AppPrivileges.Any || t.AppActsAsOwner);
        if (reaches)
            return;
        throw new HarnessException(
            $"App role {context.AppRole} holds no privilege on any of the {context.TenantTables.Count} tenant table(s) and owns none: " +
            "the migrations never grant it anything, so it is not the role your application connects as (a typo?), and an audit " +
            "of it would prove nothing. Pass the role your migrations GRANT to with --app-role (WithAppRole).");
    }

    private static bool Names(TableInfo table, string name) =>
        string.Equals(name, table.QualifiedName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, table.Name, StringComparison.OrdinalIgnoreCase);
}
