namespace TenantGuard.Harness.Server;

/// <summary>
/// Stops whatever runs in a server directory — a postgres, a pgbouncer — and removes the directory, however it was
/// left: on dispose, from the exit handlers, and for orphans of killed runs.
/// </summary>
internal static class ServerStopper
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Used on dispose: an immediate shutdown of postgres (no final checkpoint; the data is deleted next), then a kill
    /// of whatever still runs.
    /// </summary>
    public static async Task StopAndDeleteAsync(ServerDirectory directory, ServerProcessRunner? runner)
    {
        await StopAsync(directory, runner).ConfigureAwait(false);
        directory.Delete();
    }

    /// <summary>Stops the processes and keeps the directory (a start that is tried again in it).</summary>
    public static async Task StopAsync(ServerDirectory directory, ServerProcessRunner? runner)
    {
        if (directory.PostmasterPid() is { } pid)
        {
            var stopped = runner is not null
                          && (await runner.RunAsync("pg_ctl", StopArguments(directory), directory.Path, StopTimeout,
                              CancellationToken.None).ConfigureAwait(false)).Succeeded;
            FinishPostgres(directory, pid, stopped);
        }

        StopPgBouncer(directory);
    }

    /// <summary>Synchronous path, for Ctrl-C, signals and process exit, where nothing can be awaited.</summary>
    public static void StopAndDelete(ServerDirectory directory, ServerProcessRunner? runner)
    {
        if (directory.PostmasterPid() is { } pid)
        {
            var stopped = false;
            if (runner is not null)
            {
                try
                {
                    stopped = runner.Run("pg_ctl", StopArguments(directory), directory.Path, StopTimeout).Succeeded;
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
                {
                    stopped = false;
                }
            }

            FinishPostgres(directory, pid, stopped);
        }

        StopPgBouncer(directory);
        directory.Delete();
    }

    private static string[] StopArguments(ServerDirectory directory) =>
        ["stop", "-D", directory.DataDirectory, "-m", "immediate", "-w", "-t", "10"];

    /// <summary>
    /// After pg_ctl stop (or without it: no runner, or it failed), the last resort is a kill of the postmaster; either
    /// way, wait until the process is gone, so that after a stop nothing of the server is left.
    /// </summary>
    private static void FinishPostgres(ServerDirectory directory, int pid, bool stopped)
    {
        if (!stopped && directory.PostmasterPid() is { } running)
        {
            ServerProcess.Kill(running, ServerProcess.Postgres);
        }

        ServerProcess.WaitForExit(pid, ServerProcess.Postgres);
    }

    /// <summary>pgbouncer holds nothing worth a graceful shutdown; killing it closes its connections at once.</summary>
    private static void StopPgBouncer(ServerDirectory directory)
    {
        if (directory.PgBouncerPid() is { } pid)
        {
            ServerProcess.Kill(pid, ServerProcess.PgBouncer);
        }
    }
}
