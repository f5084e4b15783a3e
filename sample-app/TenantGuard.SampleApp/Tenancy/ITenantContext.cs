namespace TenantGuard.SampleApp.Tenancy;

/// <summary>The tenant of the current request, resolved before any endpoint runs.</summary>
public interface ITenantContext
{
    Guid TenantId { get; }
}
