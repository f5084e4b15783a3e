using System.Net;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// Reads across tenants: TG2101 (another tenant's item by id), TG2102–TG2104 (a weaker tenant source overriding a
/// stronger one) and TG2105–TG2106 (requests without or with an unknown tenant). An item that also appears in the
/// attacker's own list is shared by design (a global resource), never a leak.
/// </summary>
public static class ReadAttacks
{
    public static async Task ItemAsync(HttpAttackSession session, ApiResource resource, string victimId, CancellationToken ct)
    {
        var read = resource.Read!;
        if (session.ItemFor(resource, session.Victim, victimId) is not { } path)
        {
            return;
        }

        var control = await session.SendAsync(session.As(session.Victim, path), ct).ConfigureAwait(false);
        if (!control.IsSuccess)
        {
            session.NotProven(resource, read, $"tenant {session.Victim.Name} could not read its own item {victimId}", control);
            return;
        }

        var attack = await session.SendAsync(session.As(session.Attacker, path), ct).ConfigureAwait(false);
        if (attack.IsSuccess && !await SharedWithAttackerAsync(session, resource, victimId, ct).ConfigureAwait(false))
        {
            session.Findings.Add(HttpAttackRules.IdorAcrossTenants, resource.Item, null,
                $"Tenant {session.Attacker.Name} fetched tenant {session.Victim.Name}'s record {victimId} at {read.Label} {resource.Item} ({(int)attack.Status}).",
                "Look records up by id AND the request's tenant (WHERE tenant_id = @tenantId AND id = @id) and keep row-level security on underneath; answer 404 for another tenant's id.",
                HttpAttackSession.Evidence(read, attack.Transcript));
        }
    }

    /// <summary>The attacker's own list shows the item: the API shares it on purpose.</summary>
    private static async Task<bool> SharedWithAttackerAsync(HttpAttackSession session, ApiResource resource, string id, CancellationToken ct)
    {
        if (session.CollectionFor(resource, session.Attacker) is not { } collection)
        {
            return false;
        }

        var list = await session.SendAsync(session.As(session.Attacker, collection), ct).ConfigureAwait(false);
        return list.IsSuccess && JsonItems.IdsIn(list.Body, resource.IdField).Contains(id);
    }

    public static async Task OverridesAsync(HttpAttackSession session, ApiResource resource, CancellationToken ct)
    {
        var (a, b) = (session.Attacker, session.Victim);
        if (session.CollectionFor(resource, b) is not { } list)
        {
            return;
        }

        await OverrideAsync(session, resource, list, HttpAttackRules.HeaderSwap, "subdomain of A + tenant header of B",
            a.Subdomain is null || b.TenantHeader is null ? null : new HttpProbeRequest(list, Host: session.HostOf(a), TenantHeader: b.TenantHeader), ct).ConfigureAwait(false);
        await OverrideAsync(session, resource, list, HttpAttackRules.SubdomainSpoof, "API key of A + Host of B's subdomain",
            a.ApiKey is null || b.Subdomain is null ? null : new HttpProbeRequest(list, ApiKey: a.ApiKey, Host: session.HostOf(b)), ct).ConfigureAwait(false);
        await OverrideAsync(session, resource, list, HttpAttackRules.ApiKeyWithOtherTenantHeader, "API key of A + tenant header of B",
            a.ApiKey is null || b.TenantHeader is null ? null : new HttpProbeRequest(list, ApiKey: a.ApiKey, TenantHeader: b.TenantHeader), ct).ConfigureAwait(false);
    }

    private static async Task OverrideAsync(HttpAttackSession session, ApiResource resource, string list, string rule, string how, HttpProbeRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            session.Note($"{resource.Name}: {rule} ({how}) not run: the HTTP config lacks the credentials it needs");
            return;
        }

        var response = await session.SendAsync(request, ct).ConfigureAwait(false);
        // B's own items only: what A lists itself is shared with A by design.
        var victimOnly = session.IdsOf(resource, session.Victim).Except(session.IdsOf(resource, session.Attacker)).ToHashSet();
        var leaked = response.IsSuccess ? JsonItems.IdsIn(response.Body, resource.IdField).Count(victimOnly.Contains) : 0;
        if (leaked > 0)
        {
            session.Findings.Add(rule, resource.Collection, null,
                $"A request with {how} was served {leaked} of tenant B's record(s) at {resource.List?.Label} {resource.Collection}.",
                "Resolve the tenant from the strongest source present (API key, then subdomain, then the header only in development) and ignore weaker sources once one matched; or refuse requests whose sources disagree.",
                HttpAttackSession.Evidence(resource.List, response.Transcript));
        }
    }

    public static async Task RefusalsAsync(HttpAttackSession session, ApiResource resource, CancellationToken ct)
    {
        if (session.CollectionFor(resource, session.Victim) is not { } list)
        {
            return;
        }

        var missing = await session.SendAsync(new HttpProbeRequest(list), ct).ConfigureAwait(false);
        if (missing.Status != HttpStatusCode.Forbidden)
        {
            session.Findings.Add(HttpAttackRules.MissingTenantNotRefused, resource.Collection, null,
                $"A request to {resource.Collection} naming no tenant got {(int)missing.Status} instead of 403.",
                "Refuse a request whose tenant cannot be resolved with 403 and a problem+json body; never fall back to a default tenant.",
                HttpAttackSession.Evidence(resource.List, missing.Transcript));
        }

        var unknown = new List<HttpProbeRequest>
        {
            new(list, ApiKey: "tg-unknown-key-" + Guid.NewGuid().ToString("N")),
            new(list, Host: $"tg-unknown-{Guid.NewGuid().ToString("N")[..8]}.{session.Config.HostSuffix}"),
            new(list, TenantHeader: Guid.NewGuid().ToString()),
        };
        foreach (var request in unknown)
        {
            var response = await session.SendAsync(request, ct).ConfigureAwait(false);
            if (response.Status != HttpStatusCode.Forbidden)
            {
                session.Findings.Add(HttpAttackRules.UnknownTenantNotRefused, resource.Collection, null,
                    $"A request to {resource.Collection} for an unknown tenant got {(int)response.Status} instead of 403.",
                    "Look the API key, subdomain or header value up in the tenants table and answer 403 when it names no tenant.",
                    HttpAttackSession.Evidence(resource.List, response.Transcript));
            }
        }
    }
}
