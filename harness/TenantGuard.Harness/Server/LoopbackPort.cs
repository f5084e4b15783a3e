using System.Net;
using System.Net.Sockets;

namespace TenantGuard.Harness.Server;

/// <summary>Ports on 127.0.0.1, the only address the servers the harness starts listen on.</summary>
internal static class LoopbackPort
{
    /// <summary>A port free right now (another process may still take it before the server binds it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>True once something accepts connections on the port.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static HarnessException Busy(int port) =>
        new($"Port {port} on 127.0.0.1 is busy. Choose another port or let TenantGuard pick a free one.");
}
