using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>Ctrl-C in the middle of a run: exit 2, one message, and no server left listening.</summary>
public sealed partial class InterruptTests
{
    [Fact]
    public async Task Ctrl_c_during_migrations_stops_the_server_and_exits_2()
    {
        using var folder = MigrationsFolder.Create(("001_slow.sql", "SELECT pg_sleep(120);"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "tenantguard.dll"), "audit", "--migrations", folder.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("TENANTGUARD_CONNECTION");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        int? port = null;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.Add(line);
            if (ServerReady().Match(line) is { Success: true } ready)
                port = int.Parse(ready.Groups[1].Value);
            if (line.Contains("001_slow.sql", StringComparison.Ordinal))
                break;
        }
        Assert.True(port is not null, string.Join('\n', stderr));

        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()]))
            await interrupt.WaitForExitAsync();
        var rest = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        var errors = string.Join('\n', stderr) + "\n" + await rest;
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}\n{errors}");
        Assert.True(errors.Contains("error: cancelled", StringComparison.Ordinal), errors);
        Assert.Equal("", await stdout);
        Assert.False(await AcceptsConnectionsAsync(port!.Value), $"a server still listens on port {port}");
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"server ready on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ServerReady();
}
