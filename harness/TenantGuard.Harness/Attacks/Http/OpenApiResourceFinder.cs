using Microsoft.OpenApi;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>What discovery found in an OpenAPI document, and what it left out and why.</summary>
public sealed record ApiDiscovery(IReadOnlyList<ApiResource> Resources, IReadOnlyList<string> Skipped);

/// <summary>
/// Finds resources in an OpenAPI document: a collection path (GET lists, POST creates) and its item path, the
/// collection plus one placeholder segment (GET, PUT/PATCH, DELETE). Nested collections such as
/// /clients/{clientId}/documents are resources too; their parents' ids are filled in when the attack runs.
/// </summary>
public static class OpenApiResourceFinder
{
    public static ApiDiscovery Find(OpenApiDocument document)
    {
        var paths = document.Paths.Where(p => p.Value.Operations is { Count: > 0 })
            .ToDictionary(p => p.Key.TrimEnd('/'), p => p.Value, StringComparer.Ordinal);
        var resources = new List<ApiResource>();
        var skipped = new List<string>();
        var items = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (path, pathItem) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (IsItemPath(path))
            {
                continue;
            }

            var item = paths.Keys.FirstOrDefault(p => IsItemPath(p) && string.Equals(ParentOf(p), path, StringComparison.Ordinal));
            if (item is null)
            {
                skipped.Add($"{path}: no item path {path}/{{id}} next to it");
                continue;
            }

            items.Add(item);
            var collectionOps = pathItem.Operations!;
            var itemOps = paths[item].Operations!;
            var resource = new ApiResource(NameOf(path), path, item)
            {
                List = Operation(collectionOps, HttpMethod.Get),
                Read = Operation(itemOps, HttpMethod.Get),
                Create = Operation(collectionOps, HttpMethod.Post),
                Update = Operation(itemOps, HttpMethod.Put) ?? Operation(itemOps, HttpMethod.Patch),
                Delete = Operation(itemOps, HttpMethod.Delete),
            };
            if (resource.List is null || resource.Read is null)
            {
                skipped.Add($"{path}: {(resource.List is null ? "no GET to list items" : $"no GET on {item} to read one")}, so no attack can be proven on it");
                continue;
            }

            resources.Add(resource);
        }

        foreach (var orphan in paths.Keys.Where(p => IsItemPath(p) && !items.Contains(p) && !paths.ContainsKey(ParentOf(p))))
        {
            skipped.Add($"{orphan}: no collection path {ParentOf(orphan)} to learn ids from");
        }

        return new ApiDiscovery(resources, skipped);
    }

    private static ApiOperation? Operation(Dictionary<HttpMethod, OpenApiOperation> operations, HttpMethod method) =>
        operations.TryGetValue(method, out var operation)
            ? new ApiOperation(method, operation.OperationId, RequestSchemaOf(operation))
            : null;

    private static IOpenApiSchema? RequestSchemaOf(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;

    internal static bool IsItemPath(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.StartsWith('{') && last.EndsWith('}');
    }

    internal static string ParentOf(string path) => path[..path.LastIndexOf('/')];

    /// <summary>The literal segments after the common /api prefix: documents, clients.documents.</summary>
    private static string NameOf(string collection)
    {
        var literals = collection.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{')).ToList();
        if (literals.Count > 1 && literals[0] is "api" or "v1" or "v2")
        {
            literals.RemoveAt(0);
        }

        return string.Join('.', literals);
    }
}
