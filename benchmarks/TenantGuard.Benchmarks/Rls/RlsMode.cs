namespace TenantGuard.Benchmarks.Rls;

/// <summary>How the tenant is enforced. Each mode has its own schema so the modes never share tables.</summary>
public enum RlsMode
{
    /// <summary>No RLS; the query carries WHERE tenant_id = @t. The baseline every ratio is taken against.</summary>
    ExplicitFilter,

    /// <summary>Policy tenant_id = current_setting('app.tenant_id')::int; the query has no tenant filter.</summary>
    RlsPolicy,

    /// <summary>The same index-friendly policy, and the query keeps its explicit filter too.</summary>
    RlsPolicyAndFilter,

    /// <summary>Policy tenant_id::text = current_setting(...): the cast hides the column from every index.</summary>
    NonSargablePolicy,

    /// <summary>Policy tenant_id = current_tenant_id(), a VOLATILE function: called per row, never used for an index.</summary>
    FunctionPerRowPolicy,

    /// <summary>Policy tenant_id = (SELECT current_tenant_id()): evaluated once per query as an InitPlan.</summary>
    WrappedFunctionPolicy,
}

public static class RlsModes
{
    public static IReadOnlyList<RlsMode> All { get; } = Enum.GetValues<RlsMode>();

    /// <summary>The key used in results and baselines, e.g. "rls-policy".</summary>
    public static string Key(this RlsMode mode) => mode switch
    {
        RlsMode.ExplicitFilter => "explicit-filter",
        RlsMode.RlsPolicy => "rls-policy",
        RlsMode.RlsPolicyAndFilter => "rls-policy-and-filter",
        RlsMode.NonSargablePolicy => "non-sargable-policy",
        RlsMode.FunctionPerRowPolicy => "function-per-row-policy",
        RlsMode.WrappedFunctionPolicy => "wrapped-function-policy",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Title(this RlsMode mode) => mode switch
    {
        RlsMode.ExplicitFilter => "explicit WHERE, no RLS (baseline)",
        RlsMode.RlsPolicy => "RLS policy",
        RlsMode.RlsPolicyAndFilter => "RLS policy + explicit WHERE",
        RlsMode.NonSargablePolicy => "non-sargable policy (tenant_id::text)",
        RlsMode.FunctionPerRowPolicy => "function per row",
        RlsMode.WrappedFunctionPolicy => "function wrapped in (select ...)",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The database schema holding this mode's tables.</summary>
    public static string Schema(this RlsMode mode) => mode.Key().Replace('-', '_');

    /// <summary>
    /// Whether the regression gate guards this mode's ratios: the policies a team should write. The broken policies
    /// (a cast on the tenant column, a function called per row) are measured to show what they cost, but their
    /// ratios divide a table scan by one request and swing with machine load, so gating them would only gate noise.
    /// </summary>
    public static bool IsGated(this RlsMode mode) => mode is RlsMode.RlsPolicy or RlsMode.RlsPolicyAndFilter or RlsMode.WrappedFunctionPolicy;

    /// <summary>Whether the statement itself names the tenant (the baseline, and RLS + explicit WHERE).</summary>
    public static bool FiltersExplicitly(this RlsMode mode) => mode is RlsMode.ExplicitFilter or RlsMode.RlsPolicyAndFilter;

    public static RlsMode FromKey(string key) =>
        All.FirstOrDefault(m => m.Key() == key, (RlsMode)(-1)) is var mode && mode >= 0
            ? mode
            : throw new ArgumentException($"unknown RLS mode '{key}'", nameof(key));
}
