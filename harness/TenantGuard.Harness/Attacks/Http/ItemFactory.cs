using System.Text.Json.Nodes;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>Creates items through the API's POST, with a body written from its schema, and records them for cleanup.</summary>
public static class ItemFactory
{
    public sealed record Outcome(string? Id, string? Path, HttpProbeResponse Response, JsonObject Body);

    /// <param name="change">Adjusts the generated body (the spoofing attack adds another tenant's id).</param>
    /// <param name="referencesOf">Whose records references (clientId) point at: the caller's, or for a body that
    /// names another tenant, that tenant's, so the body is consistent where it claims to belong.</param>
    public static async Task<Outcome?> CreateAsync(
        HttpAttackSession session, ApiResource resource, HttpTenant tenant, CancellationToken ct, Action<JsonObject>? change = null, HttpTenant? referencesOf = null)
    {
        if (resource.Create is null || session.CollectionFor(resource, tenant) is not { } collection)
        {
            return null;
        }

        var body = resource.Create.RequestSchema is { } schema
            ? RequestBodyBuilder.Build(schema, session.NextMarker(), stem => session.ReferenceFor(referencesOf ?? tenant, stem))
            : [];
        change?.Invoke(body);
        var response = await session.SendAsync(session.As(tenant, collection, HttpMethod.Post, body), ct).ConfigureAwait(false);
        if (!response.IsSuccess || JsonItems.IdOf(response.Body, resource.IdField) is not { } id)
        {
            return new Outcome(null, null, response, body);
        }

        var path = resource.ItemPath(id, _ => collection);
        session.Created.Add(resource, path, tenant);
        session.Remember(resource, tenant, [id]);
        session.Report($"  created {path} as {tenant.Name}");
        return new Outcome(id, path, response, body);
    }
}
