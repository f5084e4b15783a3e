namespace TenantGuard.SampleApp.Tenancy;

/// <summary>
/// Marks code that reads across tenants on purpose, with the reason. TenantGuard's analyzers (TG0001, TG0002) accept
/// it by name; row-level security still decides which rows come back.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class CrossTenantAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
