using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>Ctrl-C, SIGTERM or SIGHUP in the middle of a run: the run is cancelled (not failed), exit 2, one message, and no
/// server left listening.</summary>
public sealed partial class InterruptTests
{
    [Theory]
    [InlineData("INT")] // Ctrl-C
    [InlineData("TERM")] // kill, a CI timeout
    [InlineData("HUP")] // the terminal closed
    public async Task An_interrupt_during_migrations_cancels_the_run_stops_the_server_and_exits_2(string signal)
    {
        using var folder = MigrationsFolder.Create(("001_slow.sql", "SELECT pg_sleep(120);"));
        using var process = ToolProcess.Start(null, "audit", "--migrations", folder.Path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        int? port = null;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.Add(line);
            if (ServerReady().Match(line) is { Success: true } ready)
                port = int.Parse(ready.Groups[1].Value);
            if (line.StartsWith("tenantguard: migrating ", StringComparison.Ordinal) && line.Contains("001_slow.sql", StringComparison.Ordinal))
                break;
        }
        Assert.True(port is not null, string.Join('\n', stderr));

        using (var interrupt = Process.Start("kill", [$"-{signal}", process.Id.ToString()]))
            await interrupt.WaitForExitAsync();
        var rest = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        var errors = string.Join('\n', stderr) + "\n" + await rest;
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}\n{errors}");
        Assert.True(errors.Contains("error: cancelled", StringComparison.Ordinal), errors);
        Assert.Equal("", await stdout);
        Assert.False(await AcceptsConnectionsAsync(port!.Value), $"a server still listens on port {port}");
        Assert.Empty(Directory.GetDirectories(ServerDirectory.DefaultRoot, $"{process.Id}-*"));
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
