namespace TenantGuard.SampleApp.Tenancy;

/// <summary>Finds the tenant a request belongs to.</summary>
public interface ITenantResolver
{
    Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct);
}
