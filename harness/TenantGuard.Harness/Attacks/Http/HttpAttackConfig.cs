using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>How to reach one tenant through the API. Any of the three may be missing; attacks that need it are skipped
/// with a note.</summary>
public sealed record HttpTenant(string Name, string? ApiKey = null, string? Subdomain = null, string? TenantHeader = null);

/// <summary>One resource of the API: a list URL and an item URL with an {id} placeholder.</summary>
public sealed record HttpEndpoint(string Name, string List, string Item, string IdField = "id");

/// <summary>
/// The HTTP attack's input file: two (or more) tenants' credentials and where to find the API's resources: its
/// OpenAPI document (a path on the base URL, or a file) and/or endpoints listed by hand.
/// <code>
/// {"apiKeyHeader":"X-Api-Key","tenantHeader":"X-Tenant-ID","hostSuffix":"localhost",
///  "tenants":[{"name":"acme","apiKey":"…","subdomain":"acme","tenantHeader":"…"},{…}],
///  "openapi":"/openapi/v1.json",
///  "endpoints":[{"name":"clients","list":"/api/clients","item":"/api/clients/{id}"}]}
/// </code>
/// </summary>
public sealed record HttpAttackConfig
{
    public string? BaseUrl { get; init; }

    public string ApiKeyHeader { get; init; } = "X-Api-Key";

    public string TenantHeader { get; init; } = "X-Tenant-ID";

    /// <summary>Subdomain requests are sent with Host: {subdomain}.{hostSuffix}.</summary>
    public string HostSuffix { get; init; } = "localhost";

    public IReadOnlyList<HttpTenant> Tenants { get; init; } = [];

    public IReadOnlyList<HttpEndpoint> Endpoints { get; init; } = [];

    /// <summary>The API's OpenAPI document: a path on the base URL (/openapi/v1.json), an absolute URL on the same
    /// origin, or a file.</summary>
    public string? Openapi { get; init; }

    /// <summary>The most requests one run sends (cleanup of what it created comes on top).</summary>
    public int MaxRequests { get; init; } = DefaultMaxRequests;

    public const int DefaultMaxRequests = 1000;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <param name="openapiOverride">The command line's --openapi: the file then need not name endpoints.</param>
    public static async Task<HttpAttackConfig> LoadAsync(string path, CancellationToken ct = default, string? openapiOverride = null)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{path}: cannot read the HTTP attack file ({e.Message}).");
        }

        var config = Parse(json, path, openapiOverride);
        // A file named in the config is read from the config's folder; "/openapi/v1.json" is a path on the API.
        return config.Openapi is { } openapi && !openapi.StartsWith('/') && !openapi.Contains("://", StringComparison.Ordinal)
            ? config with { Openapi = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, openapi) }
            : config;
    }

    /// <summary>The API to attack: the given URL, else the file's "baseUrl"; an http(s) URL or a HarnessException
    /// saying how to give one (<paramref name="howToGive"/>: "pass --base-url …", "set BaseUrl …").</summary>
    public Uri ResolveBaseUrl(string? given, string path, string howToGive)
    {
        var text = given ?? BaseUrl
            ?? throw new HarnessException($"{path}: no base URL; {howToGive} or set \"baseUrl\" in the file.");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new HarnessException($"'{text}' is not an http(s) base URL (e.g. http://127.0.0.1:5080).");
    }

    public static HttpAttackConfig Parse(string json, string path, string? openapiOverride = null)
    {
        HttpAttackConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<HttpAttackConfig>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}" : string.Empty;
            throw new HarnessException($"{path}{where}: {e.Message.Split(". Path:")[0].TrimEnd('.')}. Expected {{\"tenants\":[{{\"name\":\"a\",\"apiKey\":\"…\"}},{{…}}],\"endpoints\":[{{\"name\":\"clients\",\"list\":\"/api/clients\",\"item\":\"/api/clients/{{id}}\"}}]}}.");
        }

        if (config is null)
        {
            throw new HarnessException($"{path}: the file is empty (null); expected an object with \"tenants\" and \"endpoints\".");
        }

        if (config.Tenants.Count < 2)
        {
            throw new HarnessException($"{path}: \"tenants\" must name at least two tenants (the attacker and the victim); it names {config.Tenants.Count}.");
        }

        if (config.Tenants.FirstOrDefault(t => t.ApiKey is null && t.Subdomain is null && t.TenantHeader is null) is { } bare)
        {
            throw new HarnessException($"{path}: tenant \"{bare.Name}\" has no apiKey, subdomain or tenantHeader, so no request can name it.");
        }

        if (config.Endpoints.Count == 0 && (config.Openapi ?? openapiOverride) is null)
        {
            throw new HarnessException($"{path}: neither \"openapi\" nor \"endpoints\": give the API's OpenAPI document (\"openapi\":\"/openapi/v1.json\") or name at least one endpoint, e.g. {{\"name\":\"clients\",\"list\":\"/api/clients\",\"item\":\"/api/clients/{{id}}\"}}.");
        }

        if (config.MaxRequests < 1)
        {
            throw new HarnessException($"{path}: \"maxRequests\" must be at least 1 (got {config.MaxRequests}).");
        }

        if (config.Endpoints.FirstOrDefault(e => !e.Item.Contains("{id}", StringComparison.Ordinal)) is { } noId)
        {
            throw new HarnessException($"{path}: endpoint \"{noId.Name}\": \"item\" must contain {{id}} (got \"{noId.Item}\").");
        }

        return config;
    }
}
