namespace TenantGuard.SampleApp;

/// <summary>How the sample app connects and resolves tenants.</summary>
public sealed record SampleAppOptions
{
    /// <summary>Connects as the application role (app_user): never a superuser, never BYPASSRLS.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Where Kestrel listens; 127.0.0.1 only. Port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Requests for {slug}.{HostSuffix} resolve to the tenant with that slug.</summary>
    public string HostSuffix { get; init; } = "localhost";

    /// <summary>Accept the X-Tenant-ID header as the last resort. Development only: a header is whatever the caller says.</summary>
    public bool AllowTenantHeader { get; init; }
}
