namespace TenantGuard.Harness.Audit.Policies;

/// <summary>What one policy expression does for tenant isolation.</summary>
/// <param name="Branches">Its OR branches; a branch that is not Bound is a cause of its own.</param>
/// <param name="WrappedColumns">Binding conditions where the tenant column sits inside a cast or function call, which
/// keeps the planner from using an index on it.</param>
/// <param name="SettingFallbacks">Conditions that substitute a default when the tenant setting is missing.</param>
/// <param name="Settings">How the expression (and the functions it calls) use session settings.</param>
internal sealed record PredicateVerdict(
    IReadOnlyList<PredicateBranch> Branches,
    IReadOnlyList<string> WrappedColumns,
    IReadOnlyList<string> SettingFallbacks,
    SettingUse Settings)
{
    /// <summary>The most open branch: Bound only when every branch is.</summary>
    public TenantBinding Binding => Branches.Select(b => b.Binding).DefaultIfEmpty(TenantBinding.Bound).Max();

    /// <summary>The branches that are not bound, each a cause to report.</summary>
    public IEnumerable<PredicateBranch> Causes => Branches.Where(b => b.Binding != TenantBinding.Bound);
}
