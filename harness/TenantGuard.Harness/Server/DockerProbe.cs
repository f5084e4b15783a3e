using System.Net;
using System.Net.Sockets;

namespace TenantGuard.Harness.Server;

/// <summary>Answers "is there a Docker engine to talk to?" quickly, without starting anything.</summary>
internal static class DockerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>When set (per async flow), records each probe, so callers can tell whether Docker was consulted.</summary>
    internal static readonly AsyncLocal<List<string>?> ProbeLog = new();

    /// <summary>The endpoint of an engine that answered <c>GET /_ping</c>, or null.</summary>
    public static async Task<string?> FindEngineAsync(CancellationToken ct)
    {
        ProbeLog.Value?.Add("probe");
        foreach (var endpoint in Endpoints())
        {
            if (await AnswersAsync(endpoint, ct).ConfigureAwait(false))
            {
                return endpoint;
            }
        }

        return null;
    }

    private static IEnumerable<string> Endpoints()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } dockerHost)
        {
            yield return dockerHost;
            yield break;
        }

        yield return "unix:///var/run/docker.sock";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return $"unix://{Path.Combine(home, ".docker", "run", "docker.sock")}";
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
        {
            yield return $"unix://{Path.Combine(runtime, "docker.sock")}";
        }
    }

    private static async Task<bool> AnswersAsync(string endpoint, CancellationToken ct)
    {
        var uri = new Uri(endpoint);
        EndPoint? target = uri.Scheme switch
        {
            "unix" when File.Exists(uri.AbsolutePath) => new UnixDomainSocketEndPoint(uri.AbsolutePath),
            "tcp" => new DnsEndPoint(uri.Host, uri.Port),
            _ => null,
        };
        if (target is null)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            var protocol = target is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
            using var socket = new Socket(target.AddressFamily, SocketType.Stream, protocol);
            await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
    }
}
