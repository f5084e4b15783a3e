using System.Net;
using System.Text.Json;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// `tenantguard verify --http-config`: attacks a running API with two tenants' credentials. Tenant A is the first
/// tenant in the file, tenant B the second. B's record ids are learned by listing as B; then A tries to reach them by
/// id, by swapping the tenant header or the Host, and requests without or with an unknown tenant must get 403.
/// </summary>
public static class HttpIsolationAttack
{
    public static async Task<Report> RunAsync(HttpAttackConfig config, Uri baseUrl, IReadOnlyList<Waiver> waivers, CancellationToken ct = default)
    {
        using var client = new HttpClient { BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var probe = new HttpProbe(client, config);
        var findings = new FindingCollector();
        var notes = new List<string>();
        var a = config.Tenants[0];
        var b = config.Tenants[1];

        try
        {
            foreach (var endpoint in config.Endpoints)
            {
                var victimIds = await ListIdsAsync(probe, endpoint, b, config, ct).ConfigureAwait(false);
                if (victimIds.Count == 0)
                {
                    notes.Add($"{endpoint.Name}: tenant {b.Name} has no records at {endpoint.List}; cross-tenant attacks on it could not run");
                    continue;
                }

                await IdorAsync(probe, endpoint, a, victimIds, config, findings, ct).ConfigureAwait(false);
                await OverrideAsync(probe, endpoint, victimIds, findings, notes, ct,
                    HttpAttackRules.HeaderSwap, "subdomain of A + tenant header of B",
                    a.Subdomain is null || b.TenantHeader is null ? null : new HttpProbeRequest(endpoint.List, Host: HostOf(a, config), TenantHeader: b.TenantHeader)).ConfigureAwait(false);
                await OverrideAsync(probe, endpoint, victimIds, findings, notes, ct,
                    HttpAttackRules.SubdomainSpoof, "API key of A + Host of B's subdomain",
                    a.ApiKey is null || b.Subdomain is null ? null : new HttpProbeRequest(endpoint.List, ApiKey: a.ApiKey, Host: HostOf(b, config))).ConfigureAwait(false);
                await OverrideAsync(probe, endpoint, victimIds, findings, notes, ct,
                    HttpAttackRules.ApiKeyWithOtherTenantHeader, "API key of A + tenant header of B",
                    a.ApiKey is null || b.TenantHeader is null ? null : new HttpProbeRequest(endpoint.List, ApiKey: a.ApiKey, TenantHeader: b.TenantHeader)).ConfigureAwait(false);
                await RefusalsAsync(probe, endpoint, config, findings, ct).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException e)
        {
            throw new HarnessException($"Cannot reach the API at {baseUrl}: {e.Message}. Start the application first, or fix the base URL.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new HarnessException($"The API at {baseUrl} did not answer within 30 s.");
        }

        // The waiver file is shared with the audit and the database attacks: only TG21xx waivers concern this run.
        var ownWaivers = waivers.Where(w => HttpAttackRules.All.Any(r => string.Equals(r.Id, w.Rule, StringComparison.OrdinalIgnoreCase))).ToList();
        var (active, waived, unmatched) = WaiverMatcher.Apply(findings.Findings, ownWaivers);
        var facts = new Dictionary<string, string>
        {
            ["baseUrl"] = baseUrl.ToString(),
            ["attacker"] = a.Name,
            ["victim"] = b.Name,
            ["endpoints"] = string.Join(", ", config.Endpoints.Select(e => e.Name)),
        };
        for (var i = 0; i < notes.Count; i++)
        {
            facts[$"note{i + 1}"] = notes[i];
        }

        return new Report(active, waived, unmatched, facts, HttpAttackRules.All);
    }

    private static string HostOf(HttpTenant tenant, HttpAttackConfig config) => $"{tenant.Subdomain}.{config.HostSuffix}";

    /// <summary>The strongest credential the tenant has, as the API's own client would send it.</summary>
    private static HttpProbeRequest AsTenant(string path, HttpTenant tenant, HttpAttackConfig config) =>
        tenant.ApiKey is not null ? new HttpProbeRequest(path, ApiKey: tenant.ApiKey)
        : tenant.Subdomain is not null ? new HttpProbeRequest(path, Host: HostOf(tenant, config))
        : new HttpProbeRequest(path, TenantHeader: tenant.TenantHeader);

    private static async Task<IReadOnlyList<string>> ListIdsAsync(HttpProbe probe, HttpEndpoint endpoint, HttpTenant tenant, HttpAttackConfig config, CancellationToken ct)
    {
        var response = await probe.SendAsync(AsTenant(endpoint.List, tenant, config), ct).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new HarnessException($"Listing {endpoint.List} as tenant {tenant.Name} (the victim) failed with {(int)response.Status}; check the credentials in the HTTP attack file.\n{response.Transcript}");
        }

        return IdsIn(response.Body, endpoint.IdField);
    }

    /// <summary>Ids from a JSON array, or from the first array property of a JSON object (items, data, results …).</summary>
    internal static IReadOnlyList<string> IdsIn(string body, string idField)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var array = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array)
                    : default;
            if (array.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return array.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(idField, out _))
                .Select(item => item.GetProperty(idField).ToString())
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static async Task IdorAsync(HttpProbe probe, HttpEndpoint endpoint, HttpTenant attacker, IReadOnlyList<string> victimIds, HttpAttackConfig config, FindingCollector findings, CancellationToken ct)
    {
        var path = endpoint.Item.Replace("{id}", Uri.EscapeDataString(victimIds[0]), StringComparison.Ordinal);
        var response = await probe.SendAsync(AsTenant(path, attacker, config), ct).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            findings.Add(HttpAttackRules.IdorAcrossTenants, endpoint.Item, null,
                $"Tenant {attacker.Name} fetched another tenant's record {victimIds[0]} at {endpoint.Item} ({(int)response.Status}).",
                "Look records up by id AND the request's tenant (WHERE tenant_id = @tenantId AND id = @id) and keep row-level security on underneath; answer 404 for another tenant's id.",
                response.Transcript);
        }
    }

    private static async Task OverrideAsync(
        HttpProbe probe, HttpEndpoint endpoint, IReadOnlyList<string> victimIds, FindingCollector findings, List<string> notes, CancellationToken ct,
        string rule, string how, HttpProbeRequest? request)
    {
        if (request is null)
        {
            notes.Add($"{endpoint.Name}: {rule} ({how}) not run: the file lacks the credentials it needs");
            return;
        }

        var response = await probe.SendAsync(request, ct).ConfigureAwait(false);
        var leaked = response.IsSuccess ? IdsIn(response.Body, endpoint.IdField).Intersect(victimIds).Count() : 0;
        if (leaked > 0)
        {
            findings.Add(rule, endpoint.List, null,
                $"A request with {how} was served {leaked} of tenant B's record(s) at {endpoint.List}.",
                "Resolve the tenant from the strongest source present (API key, then subdomain, then the header only in development) and ignore weaker sources once one matched; or refuse requests whose sources disagree.",
                response.Transcript);
        }
    }

    private static async Task RefusalsAsync(HttpProbe probe, HttpEndpoint endpoint, HttpAttackConfig config, FindingCollector findings, CancellationToken ct)
    {
        var missing = await probe.SendAsync(new HttpProbeRequest(endpoint.List), ct).ConfigureAwait(false);
        if (missing.Status != HttpStatusCode.Forbidden)
        {
            findings.Add(HttpAttackRules.MissingTenantNotRefused, endpoint.List, null,
                $"A request to {endpoint.List} naming no tenant got {(int)missing.Status} instead of 403.",
                "Refuse a request whose tenant cannot be resolved with 403 and a problem+json body; never fall back to a default tenant.",
                missing.Transcript);
        }

        var unknown = new List<HttpProbeRequest>
        {
            new(endpoint.List, ApiKey: "tg-unknown-key-" + Guid.NewGuid().ToString("N")),
            new(endpoint.List, Host: $"tg-unknown-{Guid.NewGuid().ToString("N")[..8]}.{config.HostSuffix}"),
            new(endpoint.List, TenantHeader: Guid.NewGuid().ToString()),
        };
        foreach (var request in unknown)
        {
            var response = await probe.SendAsync(request, ct).ConfigureAwait(false);
            if (response.Status != HttpStatusCode.Forbidden)
            {
                findings.Add(HttpAttackRules.UnknownTenantNotRefused, endpoint.List, null,
                    $"A request to {endpoint.List} for an unknown tenant got {(int)response.Status} instead of 403.",
                    "Look the API key, subdomain or header value up in the tenants table and answer 403 when it names no tenant.",
                    response.Transcript);
            }
        }
    }
}
