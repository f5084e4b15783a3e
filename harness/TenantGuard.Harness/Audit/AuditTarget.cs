namespace TenantGuard.Harness.Audit;

/// <summary>The database to audit and how to reach it: an administrative connection to read the catalog, and the
/// application role's own connection for the checks that are about behaviour (EXPLAIN as the app role).</summary>
public sealed record AuditTarget(
    string AdminConnectionString,
    string AppConnectionString,
    string AppRole,
    string TenantColumn = "tenant_id",
    string? TenantSetting = null,
    string? OwnerRole = null,
    string? AppRoleOrigin = null)
{
    public static AuditTarget From(TenantDatabase database) => new(
        database.AdminConnectionString,
        database.AppConnectionString,
        database.AppRole,
        database.TenantColumn,
        database.TenantSetting,
        database.OwnerRole,
        database.AppRoleOrigin);
}
