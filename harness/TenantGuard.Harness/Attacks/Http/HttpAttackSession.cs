using System.Net;
using System.Text.Json.Nodes;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// The state of one HTTP attack run: the probe, the attacker (first tenant) and victim (second), the ids each tenant
/// listed per resource (for references, parents and the "shared by design" test), the items the run created, the
/// findings and the notes.
/// </summary>
public sealed class HttpAttackSession(HttpProbe probe, HttpAttackConfig config, IProgress<string>? progress)
{
    private readonly Dictionary<(string Resource, string Tenant), List<string>> _ids = [];
    private int _markers;

    public HttpProbe Probe => probe;

    public HttpAttackConfig Config => config;

    public HttpTenant Attacker => config.Tenants[0];

    public HttpTenant Victim => config.Tenants[1];

    public FindingCollector Findings { get; } = new();

    public List<string> Notes { get; } = [];

    public CreatedItems Created { get; } = new();

    public IReadOnlyList<ApiResource> Resources { get; set; } = [];

    public void Report(string line) => progress?.Report(line);

    public void Note(string line)
    {
        Notes.Add(line);
        Report("  skipped: " + line);
    }

    /// <summary>A fresh marker for written strings, so a read shows whose write landed.</summary>
    public string NextMarker() => $"tenantguard-{Interlocked.Increment(ref _markers)}-{Guid.NewGuid().ToString("N")[..6]}";

    public Task<HttpProbeResponse> SendAsync(HttpProbeRequest request, CancellationToken ct) => probe.SendAsync(request, ct);

    public string HostOf(HttpTenant tenant) => $"{tenant.Subdomain}.{config.HostSuffix}";

    /// <summary>The strongest credential the tenant has, as the API's own client would send it.</summary>
    public HttpProbeRequest As(HttpTenant tenant, string path) =>
        tenant.ApiKey is not null ? new HttpProbeRequest(path, ApiKey: tenant.ApiKey)
        : tenant.Subdomain is not null ? new HttpProbeRequest(path, Host: HostOf(tenant))
        : new HttpProbeRequest(path, TenantHeader: tenant.TenantHeader);

    public HttpProbeRequest As(HttpTenant tenant, string path, HttpMethod method, JsonObject? body = null) =>
        As(tenant, path) with { Method = method, JsonBody = body?.ToJsonString() };

    public IReadOnlyList<string> IdsOf(ApiResource resource, HttpTenant tenant) =>
        _ids.TryGetValue((resource.Collection, tenant.Name), out var ids) ? ids : [];

    public void Remember(ApiResource resource, HttpTenant tenant, IEnumerable<string> ids)
    {
        if (!_ids.TryGetValue((resource.Collection, tenant.Name), out var known))
        {
            _ids[(resource.Collection, tenant.Name)] = known = [];
        }

        known.AddRange(ids.Except(known));
    }

    /// <summary>An id of the tenant's own record for a reference such as clientId (stem "client"): from the resource
    /// whose name starts with the stem. Shared records (also in the other tenant's list) are not the tenant's own.</summary>
    public string? ReferenceFor(HttpTenant tenant, string stem)
    {
        var other = config.Tenants.First(t => t != tenant);
        var target = Resources.FirstOrDefault(r => TenantProperty.Normalize(r.Name.Split('.')[^1]).StartsWith(stem, StringComparison.Ordinal));
        return target is null ? null : IdsOf(target, tenant).Except(IdsOf(target, other)).FirstOrDefault();
    }

    /// <summary>The collection path with its parents' placeholders filled with the tenant's own ids, or null.</summary>
    public string? CollectionFor(ApiResource resource, HttpTenant tenant)
    {
        var path = resource.Collection;
        while (path.IndexOf('{') is var open and >= 0)
        {
            var close = path.IndexOf('}', open);
            var parentItem = resource.Collection[..(resource.Collection.IndexOf('}', open) + 1)];
            var parent = Resources.FirstOrDefault(r => SameTemplate(r.Item, parentItem));
            var id = parent is null ? null : IdsOf(parent, tenant).FirstOrDefault();
            if (id is null)
            {
                return null;
            }

            path = path[..open] + Uri.EscapeDataString(id) + path[(close + 1)..];
        }

        return path;
    }

    public string? ItemFor(ApiResource resource, HttpTenant owner, string id) =>
        CollectionFor(resource, owner) is { } collection ? resource.ItemPath(id, _ => collection) : null;

    /// <summary>True when no configured tenant can read the item any more.</summary>
    public async Task<bool> GoneAsync(string itemPath, CancellationToken ct)
    {
        foreach (var tenant in config.Tenants)
        {
            var response = await SendAsync(As(tenant, itemPath), ct).ConfigureAwait(false);
            if (response.Status != HttpStatusCode.NotFound)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A positive control failed: the path could not be used by the item's own tenant, so a refused
    /// attack through it proves nothing.</summary>
    public void NotProven(ApiResource resource, ApiOperation operation, string what, HttpProbeResponse response)
    {
        Findings.Add(AttackRules.IsolationNotProven, $"{resource.Item} {operation.Method.Method}", null,
            $"Isolation not proven through {operation.Label} {resource.Item}: {what} (answered {(int)response.Status}).",
            "Make sure the tenants in the HTTP config can use this operation on their own items (credentials, permissions, a valid body); until then the attack through it proves nothing.",
            Evidence(operation, response.Transcript));
    }

    /// <summary>A resource whose attacks did not run to the end: not proven either way.</summary>
    public void NotAttacked(ApiResource resource, string why) =>
        Findings.Add(AttackRules.IsolationNotProven, resource.Item, null,
            $"Isolation not proven for {resource.Item}: {why}.",
            "Let the attacks run to the end (a higher --max-requests); until then nothing says this resource keeps tenants apart.",
            why);

    public static string Evidence(ApiOperation? operation, params string[] transcripts) =>
        (operation?.OperationId is { } id ? $"operationId: {id}{Environment.NewLine}" : string.Empty) + string.Join(Environment.NewLine, transcripts);

    private static bool SameTemplate(string a, string b)
    {
        static string Shape(string path) => string.Join('/', path.Split('/').Select(s => s.StartsWith('{') ? "{}" : s));
        return string.Equals(Shape(a), Shape(b), StringComparison.Ordinal);
    }
}
