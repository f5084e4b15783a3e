using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;

namespace TenantGuard.Testing;

/// <summary>What a test may say beyond tenantguard.json. Everything is optional: the defaults find the nearest
/// tenantguard.json above the test assembly and do what it says.</summary>
public sealed record TenantIsolationOptions
{
    /// <summary>A tenantguard.json, a folder holding one, or the migrations (a folder or an EF Core script). A relative
    /// path is looked for in <see cref="SearchFrom"/> and each folder above it, so "db/migrations" works from the
    /// test's bin folder. Null: the nearest tenantguard.json in or above <see cref="SearchFrom"/>.</summary>
    public string? Path { get; init; }

    /// <summary>Where the search starts; default the test assembly's folder (<see cref="AppContext.BaseDirectory"/>).</summary>
    public string? SearchFrom { get; init; }

    /// <summary>The running API the HTTP attacks target (tenantguard.json's "http" file names the tenants'
    /// credentials); default the file's "baseUrl".</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How the application puts the tenant on a connection, so the pool and concurrency checks test its code.</summary>
    public ITenantContextApplier? ContextApplier { get; init; }

    /// <summary>Anything else the builder takes (a server: <c>b => b.WithServer(s => s.WithTestcontainers())</c>);
    /// runs after tenantguard.json's settings are found, and wins over them.</summary>
    public Action<TenantIsolationEnvironmentBuilder>? Configure { get; init; }

    /// <summary>Receives progress lines (server start, migrations, attacks), e.g. for a test's output.</summary>
    public IProgress<string>? Progress { get; init; }
}
