using System.Diagnostics;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>A run killed with SIGKILL cannot clean up after itself; the next run must stop its postgres and delete its
/// directory.</summary>
public sealed class KilledRunTests
{
    [Fact]
    public async Task The_next_run_stops_and_deletes_the_server_of_a_run_killed_mid_way()
    {
        using var slow = MigrationsFolder.Create(("001_slow.sql", "SELECT pg_sleep(120);"));
        using var killed = ToolProcess.Start(null, "audit", "--migrations", slow.Path);
        var stdout = killed.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        while (await killed.StandardError.ReadLineAsync() is { } line)
        {
            stderr.Add(line);
            if (line.StartsWith("tenantguard: migrating ", StringComparison.Ordinal) && line.Contains("001_slow.sql", StringComparison.Ordinal))
                break;
        }

        var serverDirectory = Assert.Single(Directory.GetDirectories(ServerDirectory.DefaultRoot, $"{killed.Id}-*"));
        var postmaster = PostmasterPid(serverDirectory);
        Assert.True(IsRunning(postmaster), string.Join('\n', stderr));

        killed.Kill(); // SIGKILL: no handler runs
        await killed.WaitForExitAsync();
        await stdout;
        Assert.True(Directory.Exists(serverDirectory), "the killed run's directory should still be there");
        Assert.True(IsRunning(postmaster), "the killed run's postgres should still be running");

        using var migrations = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));
        var next = await ToolProcess.RunAsync(null, "audit", "--migrations", migrations.Path);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(Directory.Exists(serverDirectory), $"{serverDirectory} is left behind");
        await WaitUntilAsync(() => !IsRunning(postmaster), $"postgres {postmaster} of the killed run still runs");
    }

    private static int PostmasterPid(string serverDirectory)
    {
        // postmaster.pid's first line is the server's process id; it is written once the server has started.
        var pidFile = Path.Combine(serverDirectory, "data", "postmaster.pid");
        return int.Parse(File.ReadLines(pidFile).First());
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        // The stop is `pg_ctl stop -m immediate` followed by a kill; the process may take a moment to be reaped.
        for (var attempt = 0; attempt < 50 && !condition(); attempt++)
            await Task.Delay(100);
        Assert.True(condition(), failure);
    }
}
