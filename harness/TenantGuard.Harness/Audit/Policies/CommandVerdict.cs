using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Whether one command on one table is tenant-bound for the application role, after combining every
/// permissive (OR) and restrictive (AND) policy that applies to it.</summary>
/// <param name="Aspect">"USING" (which rows are visible) or "WITH CHECK" (which rows may be written).</param>
/// <param name="Causes">Every way the command still reaches other tenants' rows; empty when it is bound.</param>
internal sealed record CommandVerdict(
    TableInfo Table,
    string Command,
    string Aspect,
    bool NoPolicy,
    IReadOnlyList<PolicyCause> Causes)
{
    public bool IsBound => !NoPolicy && Causes.Count == 0;
}
