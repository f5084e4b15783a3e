using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>Reads the API's OpenAPI document (JSON, 3.x or 2.0) from a file or from a path on the API's base URL.</summary>
public static class OpenApiDocumentSource
{
    public static async Task<OpenApiDocument> LoadAsync(string source, HttpProbe probe, HttpAttackConfig config, CancellationToken ct)
    {
        string json;
        if (File.Exists(source))
        {
            json = await File.ReadAllTextAsync(source, ct).ConfigureAwait(false);
        }
        else
        {
            var path = source;
            if (Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            {
                // Requests go only to the API under test: the document must be served by it.
                path = absolute.PathAndQuery;
            }

            var tenant = config.Tenants[0];
            var response = await probe.SendAsync(new HttpProbeRequest(path, tenant.ApiKey, null, tenant.ApiKey is null ? tenant.TenantHeader : null), ct).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new HarnessException($"The OpenAPI document at {path} answered {(int)response.Status}; give \"openapi\" as a path the API serves (e.g. /openapi/v1.json) or as a file.\n{response.Transcript}");
            }

            json = response.Body;
        }

        return Parse(json, source);
    }

    public static OpenApiDocument Parse(string json, string source)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var result = OpenApiDocument.Load(stream, OpenApiConstants.Json, new OpenApiReaderSettings());
        if (result.Document is null || result.Document.Paths is null || result.Document.Paths.Count == 0)
        {
            var why = result.Diagnostic?.Errors.FirstOrDefault()?.Message ?? "it has no paths";
            throw new HarnessException($"{source}: not a usable OpenAPI document ({why}).");
        }

        return result.Document;
    }
}
