using TenantGuard.Harness.Catalog;

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
        if (context.Options.RequireAppRoleAccess)
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
        var candidates = context.Catalog.Tables
            .SelectMany(t => t.Columns.Select(c => c.Name))
            .Where(LooksLikeTenantColumn)
            .GroupBy(name => name)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => $"{g.Key} ({g.Count()} table(s))")
            .ToList();
        var hint = candidates.Count > 0 ? $" Columns that look like a tenant key: {string.Join(", ", candidates)}." : "";
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
            "the migrations never grant it anything, so it is not the role your application connects as (a typo?). " +
            "Pass the role your migrations GRANT to with --app-role (WithAppRole).");
    }

    private static bool Names(TableInfo table, string name) =>
        string.Equals(name, table.QualifiedName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, table.Name, StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeTenantColumn(string column) =>
        column.EndsWith("_id", StringComparison.Ordinal)
        && (column.Contains("tenant", StringComparison.Ordinal) || column.Contains("team", StringComparison.Ordinal)
            || column.Contains("org", StringComparison.Ordinal) || column.Contains("account", StringComparison.Ordinal)
            || column.Contains("workspace", StringComparison.Ordinal) || column.Contains("company", StringComparison.Ordinal)
            || column.Contains("customer", StringComparison.Ordinal) || column.Contains("client", StringComparison.Ordinal));
}
