using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>One way a command reaches other tenants' rows: a branch of one policy that is not bound.</summary>
internal sealed record PolicyCause(TenantBinding Binding, PolicyInfo Policy, string Condition, string Reason);
