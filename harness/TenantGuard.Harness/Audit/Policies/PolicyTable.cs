namespace TenantGuard.Harness.Audit.Policies;

/// <summary>The table a policy is on: "schema.name" and the bare name, as lookups may name it either way.</summary>
internal sealed record PolicyTable(string QualifiedName, string Name);
