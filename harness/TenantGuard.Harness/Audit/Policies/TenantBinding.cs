namespace TenantGuard.Harness.Audit.Policies;

/// <summary>How a policy expression ties rows to the current tenant, from safest to most open. AND keeps the
/// safest operand, OR keeps the most open one.</summary>
internal enum TenantBinding
{
    /// <summary>The tenant column equals the tenant setting (directly, through a cast, a sub-select or a function
    /// that reads the setting).</summary>
    Bound = 0,

    /// <summary>Rows of other tenants are reachable through a recognised sharing pattern (is_shared, sharing_mode,
    /// shared_with, an admin bypass): possibly intended, so reported for a waiver with a reason.</summary>
    Sharing = 1,

    /// <summary>A condition that does not involve the tenant (status = 'active', setting IS NULL …).</summary>
    NotBound = 2,

    /// <summary>Always true.</summary>
    Open = 3,
}
