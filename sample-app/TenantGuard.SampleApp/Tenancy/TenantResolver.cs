using Microsoft.Extensions.Primitives;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>
/// Resolves the tenant strongest source first: API key, then subdomain, then the X-Tenant-ID header (only when
/// enabled, for development). The first source present decides: a request carrying an API key is never re-pointed by
/// its Host or header, and a source that names no tenant refuses the request instead of falling through.
/// </summary>
public sealed class TenantResolver(TenantDirectory directory, SampleAppOptions options) : ITenantResolver
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string TenantHeader = "X-Tenant-ID";

    public async Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var apiKey) && !StringValues.IsNullOrEmpty(apiKey))
        {
            return await directory.FindByApiKeyAsync(apiKey.ToString(), ct) is { } byKey
                ? TenantResolution.Resolved(byKey, "api key")
                : TenantResolution.Refused("The API key names no tenant.");
        }

        if (SubdomainOf(context.Request.Host.Host) is { } slug)
        {
            return await directory.FindBySlugAsync(slug, ct) is { } bySlug
                ? TenantResolution.Resolved(bySlug, "subdomain")
                : TenantResolution.Refused($"The subdomain '{slug}' names no tenant.");
        }

        if (options.AllowTenantHeader && context.Request.Headers.TryGetValue(TenantHeader, out var header) && !StringValues.IsNullOrEmpty(header))
        {
            return Guid.TryParse(header.ToString(), out var id) && await directory.FindByIdAsync(id, ct) is { } byHeader
                ? TenantResolution.Resolved(byHeader, "header")
                : TenantResolution.Refused($"The {TenantHeader} header names no tenant.");
        }

        return TenantResolution.Refused("The request names no tenant: send an API key" + (options.AllowTenantHeader ? $", use a tenant subdomain or send {TenantHeader}." : " or use a tenant subdomain."));
    }

    private string? SubdomainOf(string host)
    {
        var suffix = "." + options.HostSuffix;
        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = host[..^suffix.Length];
        return label.Length > 0 && !label.Contains('.', StringComparison.Ordinal) ? label.ToLowerInvariant() : null;
    }
}
