namespace TenantGuard.Harness.Audit.Policies;

/// <summary>What one branch of a policy expression does for tenant isolation, from safest to most open. Across OR
/// branches the most open wins; within one branch the conditions combine by <see cref="BranchPrecedence"/>.</summary>
internal enum TenantBinding
{
    /// <summary>The branch ties the tenant column to the tenant (a setting, a function returning it, a membership
    /// lookup keyed on the caller), or admits no row at all.</summary>
    Bound = 0,

    /// <summary>Deliberate cross-tenant access by a row attribute (is_public, visibility = 'public', a NULL tenant for
    /// global rows, the tenant listed in shared_with) or by a privileged caller (listed in an admin table, a role
    /// check): reported as a warning to waive with a reason.</summary>
    Sharing = 1,

    /// <summary>A condition that does not tie rows to the tenant (archived, owner_id = auth.uid(), a constant tenant,
    /// a function whose body cannot be read).</summary>
    Unbound = 2,

    /// <summary>Opened by a session setting compared with a constant (app.bypass_rls = 'on'): every role can SET a
    /// custom setting, so anyone opens the table (TG1021).</summary>
    Switch = 3,

    /// <summary>No restriction at all (true).</summary>
    Open = 4,
}
