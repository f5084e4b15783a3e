namespace TenantGuard.Harness.Bench.Diagnosis;

/// <summary>Why RLS makes a table's queries slow, and the fix.</summary>
/// <param name="Kind">cast-on-tenant-column, function-per-row, or-branch or missing-tenant-index.</param>
/// <param name="Rule">The audit rule that describes it (TG1007, TG1008), whose page explains the fix.</param>
/// <param name="Policy">The policy at fault; null for a missing index.</param>
public sealed record SlowCause(string Table, string Kind, string Rule, string? Policy, string Message, string Fix, string Page);
