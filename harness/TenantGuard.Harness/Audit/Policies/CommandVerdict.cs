using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Whether one command on one table is tenant-bound for the application role, after combining every
/// permissive (OR) and restrictive (AND) policy that applies to it.</summary>
/// <param name="Aspect">"USING" (which rows are visible) or "WITH CHECK" (which rows may be written).</param>
/// <param name="Culprit">The policy and condition that opened access, when not bound.</param>
internal sealed record CommandVerdict(
    TableInfo Table,
    string Command,
    string Aspect,
    TenantBinding Binding,
    bool NoPolicy,
    string? CulpritPolicy,
    string Culprit);
