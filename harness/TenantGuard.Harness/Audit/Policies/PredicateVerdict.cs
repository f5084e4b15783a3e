namespace TenantGuard.Harness.Audit.Policies;

/// <summary>What one policy expression does for tenant isolation.</summary>
/// <param name="Culprit">The condition that decided a non-bound verdict, as PostgreSQL prints it.</param>
/// <param name="WrappedColumns">Conditions where the tenant column sits inside a cast or function call, which keeps
/// the planner from using an index on it.</param>
/// <param name="SettingFallbacks">Conditions that substitute a default when the tenant setting is missing.</param>
internal sealed record PredicateVerdict(
    TenantBinding Binding,
    string Culprit,
    IReadOnlyList<string> WrappedColumns,
    IReadOnlyList<string> SettingFallbacks);
