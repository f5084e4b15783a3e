namespace TenantGuard.SampleApp.Tenancy;

/// <summary>The outcome of resolving a request's tenant: a tenant, or the reason there is none.</summary>
public sealed record TenantResolution(Guid? TenantId, string? Source, string? Problem)
{
    public static TenantResolution Resolved(Guid tenantId, string source) => new(tenantId, source, null);

    public static TenantResolution Refused(string problem) => new(null, null, problem);
}
