namespace TenantGuard.Harness.Audit.Policies;

/// <summary>One OR branch of a policy expression (after pushing NOT and AND through, as PostgreSQL evaluates it).</summary>
/// <param name="Condition">The conditions that decided the branch, as PostgreSQL prints them.</param>
/// <param name="Reason">Why the branch has its binding, in words.</param>
internal sealed record PredicateBranch(TenantBinding Binding, string Condition, string Reason);
