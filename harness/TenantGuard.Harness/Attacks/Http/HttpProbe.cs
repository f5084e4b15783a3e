using System.Net;
using System.Text;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>One request the attack sends, with the headers that name a tenant and, for writes, a JSON body.</summary>
public sealed record HttpProbeRequest(string Path, string? ApiKey = null, string? Host = null, string? TenantHeader = null)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    public string? JsonBody { get; init; }
}

/// <summary>What came back, and a transcript for the evidence (API keys shortened).</summary>
public sealed record HttpProbeResponse(HttpStatusCode Status, string Body, string Transcript)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The answer another tenant's id must get: as if it did not exist, or refused.</summary>
    public bool IsRefusal => Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
}

/// <summary>The request cap was reached: the run stops attacking and cleans up.</summary>
public sealed class HttpRequestBudgetExhaustedException(int max) : Exception($"The request cap of {max} was reached.");

/// <summary>Sends attack requests to the API under test, only ever below its base URL, and counts them against the cap.</summary>
public sealed class HttpProbe(HttpClient client, HttpAttackConfig config)
{
    private int _sent;

    public int Sent => _sent;

    /// <summary>Cleanup of what the run created is never cut off by the cap.</summary>
    public bool Capped { get; set; } = true;

    public async Task<HttpProbeResponse> SendAsync(HttpProbeRequest request, CancellationToken ct)
    {
        if (Capped && _sent >= config.MaxRequests)
        {
            throw new HttpRequestBudgetExhaustedException(config.MaxRequests);
        }

        var uri = new Uri(client.BaseAddress!, request.Path.TrimStart('/'));
        if (!client.BaseAddress!.IsBaseOf(uri))
        {
            throw new HarnessException($"Refusing to send a request outside the base URL {client.BaseAddress}: {uri}.");
        }

        _sent++;
        using var message = new HttpRequestMessage(request.Method, uri);
        var transcript = new StringBuilder().Append(request.Method.Method).Append(' ').Append(uri).AppendLine();
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

        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
            transcript.AppendLine("Content-Type: application/json").AppendLine(request.JsonBody);
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
