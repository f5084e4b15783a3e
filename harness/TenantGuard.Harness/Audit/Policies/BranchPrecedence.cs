namespace TenantGuard.Harness.Audit.Policies;

/// <summary>How the conditions ANDed in one branch decide it: one binding condition binds the branch; otherwise a
/// switch decides who gets in, then a sharing attribute limits what they see; a branch of only unrelated conditions is
/// unbound, and one without any condition is open.</summary>
internal static class BranchPrecedence
{
    public static int Rank(TenantBinding binding) => binding switch
    {
        TenantBinding.Bound => 0,
        TenantBinding.Switch => 1,
        TenantBinding.Sharing => 2,
        TenantBinding.Unbound => 3,
        _ => 4,
    };

    /// <summary>The binding of conditions ANDed together.</summary>
    public static TenantBinding And(IEnumerable<TenantBinding> conditions) =>
        conditions.DefaultIfEmpty(TenantBinding.Open).MinBy(Rank);
}
