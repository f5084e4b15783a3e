using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TenantGuard.SampleApp.Tests;

/// <summary>Started on a port something else holds, the app says so in one line and exits 2.</summary>
public sealed class BusyPortTests
{
    [Fact]
    public async Task A_busy_port_is_one_line_and_exit_2()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var app = Path.Combine(AppContext.BaseDirectory, "TenantGuard.SampleApp.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app, "--Url", $"http://127.0.0.1:{port}", "--ConnectionStrings:App", "Host=127.0.0.1;Username=nobody" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        var error = (await stderr).TrimEnd();
        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"Failed to bind to address http://127.0.0.1:{port}: address already in use: stop what listens there, or choose another with --Url http://127.0.0.1:5081", error);
        Assert.Equal("", (await stdout).Trim());
    }
}
