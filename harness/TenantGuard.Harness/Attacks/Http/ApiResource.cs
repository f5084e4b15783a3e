using Microsoft.OpenApi;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>One operation of a resource: its method, its operationId (for the evidence) and its request body schema.</summary>
public sealed record ApiOperation(HttpMethod Method, string? OperationId, IOpenApiSchema? RequestSchema = null)
{
    public string Label => OperationId is null ? Method.Method : $"{Method.Method} (operationId {OperationId})";
}

/// <summary>
/// A resource of the API: a collection path (list with GET, create with POST) and an item path whose last segment is
/// the item's id. Nested resources keep their parents' placeholders in <see cref="Collection"/>.
/// </summary>
public sealed record ApiResource(string Name, string Collection, string Item, string IdField = "id")
{
    public ApiOperation? List { get; init; } = new(HttpMethod.Get, null);

    public ApiOperation? Read { get; init; } = new(HttpMethod.Get, null);

    public ApiOperation? Create { get; init; }

    /// <summary>PUT when the API has it, else PATCH.</summary>
    public ApiOperation? Update { get; init; }

    public ApiOperation? Delete { get; init; }

    /// <summary>The id placeholder of <see cref="Item"/>, e.g. {id}.</summary>
    public string ItemPlaceholder => Item[Item.LastIndexOf('{')..];

    public string ItemPath(string id, Func<string, string> collection) =>
        collection(Collection) + Item[Collection.Length..].Replace(ItemPlaceholder, Uri.EscapeDataString(id), StringComparison.Ordinal);

    /// <summary>A hand-written endpoint of the HTTP config: reads only.</summary>
    public static ApiResource FromEndpoint(HttpEndpoint endpoint)
    {
        var collection = endpoint.Item[..endpoint.Item.IndexOf("{id}", StringComparison.Ordinal)].TrimEnd('/');
        // The config's list URL need not be the item URL's parent; keep both as written.
        return new ApiResource(endpoint.Name, endpoint.List, endpoint.List + endpoint.Item[collection.Length..], endpoint.IdField);
    }
}
