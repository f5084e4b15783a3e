namespace TenantGuard.Harness.Audit.Policies;

/// <summary>What one condition of a branch does.</summary>
/// <param name="Condition">The condition as PostgreSQL prints it; inside a function body, prefixed with the call.</param>
/// <param name="Reason">What the condition compares, in words, for the finding's message.</param>
/// <param name="Wrapped">A binding condition whose tenant column sits inside a cast or function call.</param>
internal sealed record ConditionVerdict(TenantBinding Binding, string Condition, string Reason, bool Wrapped = false);
