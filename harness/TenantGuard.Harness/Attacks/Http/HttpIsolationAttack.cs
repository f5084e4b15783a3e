using System.Net;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// `tenantguard verify --http-config`: attacks a running API with two tenants' credentials. Tenant A is the first
/// tenant in the file, tenant B the second. Resources come from the API's OpenAPI document and/or the endpoints
/// listed by hand. Each tenant's items are listed; B gets items the run creates itself where writes are attacked; A
/// then reads, changes, deletes and spoofs across the tenant line, every attack after a positive control. What the
/// run created is deleted at the end, through the API, by its owner.
/// </summary>
public static class HttpIsolationAttack
{
    public static async Task<Report> RunAsync(
        HttpAttackConfig config, Uri baseUrl, IReadOnlyList<Waiver> waivers, CancellationToken ct = default, IProgress<string>? progress = null)
    {
        using var client = new HttpClient { BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var probe = new HttpProbe(client, config);
        var session = new HttpAttackSession(probe, config, progress);
        var attackRequests = 0;
        var attacked = new HashSet<ApiResource>();

        try
        {
            try
            {
                session.Resources = await ResourcesAsync(session, ct).ConfigureAwait(false);
                if (session.Resources.Count == 0)
                {
                    // Nothing attacked proves nothing: that is a question to the user, never a clean run.
                    throw new HarnessException("The HTTP config gives no endpoint to attack, and the OpenAPI document (if any) describes no " +
                                               "collection with items (GET /x and GET /x/{id}). List endpoints in the config, or point \"openapi\" at the API's document.");
                }

                foreach (var resource in session.Resources)
                {
                    await ListAsync(session, resource, ct).ConfigureAwait(false);
                }

                foreach (var resource in session.Resources)
                {
                    await AttackAsync(session, resource, ct).ConfigureAwait(false);
                    attacked.Add(resource);
                }
            }
            catch (HttpRequestBudgetExhaustedException e)
            {
                session.Note($"{e.Message} Attacks stopped after {probe.Sent} requests; raise --max-requests to run them all");
                // What the cap stopped is not proven, so it cannot pass as clean.
                foreach (var resource in session.Resources.Where(r => !attacked.Contains(r)))
                    session.NotAttacked(resource, $"the request cap ({probe.Sent} requests) stopped the run before its attacks finished; raise --max-requests");
            }
            finally
            {
                attackRequests = probe.Sent;
                session.Notes.AddRange(await session.Created.DeleteAllAsync(session, ct).ConfigureAwait(false));
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

        // The waiver file is shared with the audit and the database attacks: only this run's rules' waivers concern it.
        var ownWaivers = waivers.Where(w => HttpAttackRules.Reported.Any(r => string.Equals(r.Id, w.Rule, StringComparison.OrdinalIgnoreCase))).ToList();
        var (active, waived, unmatched) = WaiverMatcher.Apply(session.Findings.Findings, ownWaivers);
        var facts = new Dictionary<string, string>
        {
            ["baseUrl"] = baseUrl.ToString(),
            ["attacker"] = session.Attacker.Name,
            ["victim"] = session.Victim.Name,
            ["endpoints"] = string.Join(", ", session.Resources.Select(e => e.Name)),
            ["requests"] = attackRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cleanupRequests"] = (probe.Sent - attackRequests).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < session.Notes.Count; i++)
        {
            facts[$"note{i + 1}"] = session.Notes[i];
        }

        return new Report(active, waived, unmatched, facts, HttpAttackRules.Reported);
    }

    /// <summary>Discovered resources first; hand-written endpoints for what discovery did not find.</summary>
    private static async Task<IReadOnlyList<ApiResource>> ResourcesAsync(HttpAttackSession session, CancellationToken ct)
    {
        var resources = new List<ApiResource>();
        if (session.Config.Openapi is { } source)
        {
            var document = await OpenApiDocumentSource.LoadAsync(source, session.Probe, session.Config, ct).ConfigureAwait(false);
            var discovery = OpenApiResourceFinder.Find(document);
            foreach (var resource in discovery.Resources)
            {
                var writes = string.Join(", ", new[] { resource.Create, resource.Update, resource.Delete }.OfType<ApiOperation>().Select(o => o.Method.Method));
                session.Report($"found {resource.Name}: {resource.Collection}, {resource.Item}{(writes.Length > 0 ? " (" + writes + ")" : string.Empty)}");
            }

            foreach (var skipped in discovery.Skipped)
            {
                session.Report($"skipped {skipped}");
            }

            resources.AddRange(discovery.Resources);
        }

        resources.AddRange(session.Config.Endpoints.Select(ApiResource.FromEndpoint)
            .Where(e => !resources.Any(r => string.Equals(r.Collection, e.Collection, StringComparison.Ordinal))));
        return resources;
    }

    private static async Task ListAsync(HttpAttackSession session, ApiResource resource, CancellationToken ct)
    {
        foreach (var tenant in session.Config.Tenants.Take(2))
        {
            if (session.CollectionFor(resource, tenant) is not { } collection)
            {
                continue; // a nested resource whose parent this tenant has no item of
            }

            var response = await session.SendAsync(session.As(tenant, collection), ct).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Unauthorized)
            {
                throw new HarnessException($"The API answered 401 Unauthorized to tenant {tenant.Name} at {collection}: it needs authentication the HTTP config does not give (apiKey, subdomain or tenantHeader for each tenant; check \"apiKeyHeader\").\n{response.Transcript}");
            }

            if (response.IsSuccess)
            {
                session.Remember(resource, tenant, JsonItems.IdsIn(response.Body, resource.IdField));
            }
            else
            {
                session.Note($"{resource.Name}: listing {collection} as tenant {tenant.Name} answered {(int)response.Status}");
            }
        }
    }

    private static async Task AttackAsync(HttpAttackSession session, ApiResource resource, CancellationToken ct)
    {
        session.Report($"attacking {resource.Name}");
        if (session.CollectionFor(resource, session.Victim) is null)
        {
            session.Note($"{resource.Name}: tenant {session.Victim.Name} has no parent item for {resource.Collection}; attacks on it could not run");
            return;
        }

        var victimOwn = session.IdsOf(resource, session.Victim).Except(session.IdsOf(resource, session.Attacker)).ToList();
        var writes = resource.Update is not null || resource.Delete is not null;
        ItemFactory.Outcome? created = null;
        if (resource.Create is not null && (victimOwn.Count == 0 || writes))
        {
            created = await ItemFactory.CreateAsync(session, resource, session.Victim, ct).ConfigureAwait(false);
            if (created is { Id: null })
            {
                session.NotProven(resource, resource.Create, $"tenant {session.Victim.Name} could not create an item of its own", created.Response);
            }
        }

        if ((created?.Id ?? victimOwn.FirstOrDefault()) is { } victimId)
        {
            await ReadAttacks.ItemAsync(session, resource, victimId, ct).ConfigureAwait(false);
        }
        else
        {
            session.Note($"{resource.Name}: tenant {session.Victim.Name} has no items of its own at {resource.Collection} and none could be created; cross-tenant reads could not run");
        }

        await ReadAttacks.OverridesAsync(session, resource, ct).ConfigureAwait(false);
        await ReadAttacks.RefusalsAsync(session, resource, ct).ConfigureAwait(false);

        if (writes && created?.Path is null)
        {
            session.Note($"{resource.Name}: write attacks not run: only items the run created itself are ever changed, and it could not create one{(resource.Create is null ? " (no POST)" : string.Empty)}");
        }
        else if (created?.Path is { } victimPath)
        {
            if (resource.Update is not null)
            {
                await WriteAttacks.UpdateAsync(session, resource, victimPath, ct).ConfigureAwait(false);
            }

            if (resource.Delete is not null)
            {
                await WriteAttacks.DeleteAsync(session, resource, victimPath, ct).ConfigureAwait(false);
            }
        }

        if (resource.Create is not null)
        {
            var victimTenant = (created is { Response.IsSuccess: true } ? JsonItems.TenantOf(created.Response.Body) : null) ?? session.Victim.TenantHeader;
            await CreateSpoofAttack.RunAsync(session, resource, victimTenant, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ids from a list response (kept for callers of the earlier API).</summary>
    internal static IReadOnlyList<string> IdsIn(string body, string idField) => JsonItems.IdsIn(body, idField);
}
