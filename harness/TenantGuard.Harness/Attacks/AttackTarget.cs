namespace TenantGuard.Harness.Attacks;

/// <summary>The database under attack: who the application is, and how tenants are told apart.</summary>
/// <param name="AppConnectionString">Connects as the application role (subject to row-level security).</param>
/// <param name="AdminConnectionString">Connects to the same database with rights to seed it (superuser or owner).</param>
public sealed record AttackTarget(
    string AppConnectionString,
    string AdminConnectionString,
    string AppRole,
    string TenantColumn,
    string TenantSetting,
    string? AppRoleOrigin = null,
    IReadOnlyCollection<string>? SharedTenants = null)
{
    /// <summary>Fixed tenant values the policies let every tenant see (tenant_id = '…'): seeded, read by design, never
    /// writable by another tenant.</summary>
    public IReadOnlyCollection<string> SharedTenants { get; init; } = SharedTenants ?? [];
}
