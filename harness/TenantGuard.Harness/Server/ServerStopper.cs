using System.Diagnostics;

namespace TenantGuard.Harness.Server;

/// <summary>Stops the postgres of a server directory and removes the directory, however the server was left.</summary>
internal static class ServerStopper
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Used on dispose: an immediate shutdown (no final checkpoint; the data is deleted next), then a kill if the
    /// server does not go.
    /// </summary>
    public static async Task StopAndDeleteAsync(ServerDirectory directory, ServerProcessRunner runner)
    {
        if (directory.PostmasterPid() is { } pid)
        {
            var result = await runner.RunAsync("pg_ctl", StopArguments(directory, "immediate"), directory.Path, StopTimeout,
                CancellationToken.None).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                KillPostmaster(directory);
            }

            WaitForExit(pid);
        }

        directory.Delete();
    }

    /// <summary>Synchronous path, for Ctrl-C and process exit, where nothing can be awaited: an immediate shutdown.</summary>
    public static void StopAndDelete(ServerDirectory directory, ServerProcessRunner? runner)
    {
        if (directory.PostmasterPid() is { } pid)
        {
            var stopped = false;
            if (runner is not null)
            {
                try
                {
                    stopped = runner.Run("pg_ctl", StopArguments(directory, "immediate"), directory.Path, StopTimeout).Succeeded;
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
                {
                    stopped = false;
                }
            }

            if (!stopped)
            {
                KillPostmaster(directory);
            }

            WaitForExit(pid);
        }

        directory.Delete();
    }

    private static string[] StopArguments(ServerDirectory directory, string mode) =>
        ["stop", "-D", directory.DataDirectory, "-m", mode, "-w", "-t", "10"];

    /// <summary>
    /// pg_ctl returns once the pid file is gone, a moment before the postmaster process itself has exited; waiting
    /// for it means that after a stop nothing of the server is left.
    /// </summary>
    private static void WaitForExit(int pid)
    {
        // Process.WaitForExit cannot observe a process that is not our child (the postmaster is pg_ctl's), so poll.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (IsPostgresRunning(pid) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
    }

    private static bool IsPostgresRunning(int pid)
    {
        if (IsZombie(pid))
        {
            return false; // exited, waiting for init to reap it: nothing of it runs any more
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName.StartsWith("postgres", StringComparison.Ordinal) && !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The process state from /proc ("Z" zombie, "X" dead); false where /proc does not exist.</summary>
    internal static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            return state is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Last resort: kill the postmaster named in the pid file, if that process is still a postgres.</summary>
    private static void KillPostmaster(ServerDirectory directory)
    {
        if (directory.PostmasterPid() is not { } pid)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (!process.ProcessName.StartsWith("postgres", StringComparison.Ordinal))
            {
                return; // the pid was recycled by an unrelated process
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
