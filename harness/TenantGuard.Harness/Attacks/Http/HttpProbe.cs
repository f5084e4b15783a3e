using System.Net;
using System.Text;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>One request the attack sends, with the headers that name a tenant.</summary>
public sealed record HttpProbeRequest(string Path, string? ApiKey = null, string? Host = null, string? TenantHeader = null);

/// <summary>What came back, and a transcript for the evidence (API keys shortened).</summary>
public sealed record HttpProbeResponse(HttpStatusCode Status, string Body, string Transcript)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>Sends attack requests to the API under test.</summary>
public sealed class HttpProbe(HttpClient client, HttpAttackConfig config)
{
    public async Task<HttpProbeResponse> SendAsync(HttpProbeRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, request.Path.TrimStart('/')));
        var transcript = new StringBuilder().Append("GET ").Append(message.RequestUri).AppendLine();
        if (request.Host is not null)
        {
            message.Headers.Host = request.Host;
            transcript.Append("Host: ").AppendLine(request.Host);
        }

        if (request.ApiKey is not null)
        {
            message.Headers.TryAddWithoutValidation(config.ApiKeyHeader, request.ApiKey);
            transcript.Append(config.ApiKeyHeader).Append(": ").AppendLine(Shorten(request.ApiKey));
        }

        if (request.TenantHeader is not null)
        {
            message.Headers.TryAddWithoutValidation(config.TenantHeader, request.TenantHeader);
            transcript.Append(config.TenantHeader).Append(": ").AppendLine(request.TenantHeader);
        }

        using var response = await client.SendAsync(message, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        transcript.Append("→ ").Append((int)response.StatusCode).Append(' ').Append(response.StatusCode)
            .Append(' ').AppendLine(response.Content.Headers.ContentType?.ToString() ?? string.Empty)
            .AppendLine(body.Length > 400 ? body[..400] + "…" : body);
        return new HttpProbeResponse(response.StatusCode, body, transcript.ToString());
    }

    /// <summary>Keys are secrets: evidence shows enough to tell which one was used.</summary>
    private static string Shorten(string key) => key.Length <= 8 ? "****" : key[..6] + "…";
}
