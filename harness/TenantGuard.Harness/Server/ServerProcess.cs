using System.Diagnostics;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A server process the harness does not hold a handle to — postgres is pg_ctl's child, pgbouncer detaches itself,
/// and an orphan belongs to a run that is gone — known only by the pid in its pid file and its program name, so a
/// recycled pid is never taken for it.
/// </summary>
internal static class ServerProcess
{
    public const string Postgres = "postgres";

    public const string PgBouncer = "pgbouncer";

    /// <summary>True while <paramref name="pid"/> is a running <paramref name="program"/>.</summary>
    public static bool IsRunning(int pid, string program)
    {
        if (IsZombie(pid))
        {
            return false; // exited, waiting for its parent or init to reap it: nothing of it runs any more
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName.StartsWith(program, StringComparison.Ordinal) && !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Kills the process (and its children) if it is still <paramref name="program"/>, and waits for it.</summary>
    public static void Kill(int pid, string program)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (!process.ProcessName.StartsWith(program, StringComparison.Ordinal))
            {
                return; // the pid was recycled by an unrelated process
            }

            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        WaitForExit(pid, program);
    }

    /// <summary>
    /// Polls until the process is gone: Process.WaitForExit cannot observe a process that is not this one's child, and
    /// a stop command returns a moment before the process itself has exited.
    /// </summary>
    public static void WaitForExit(int pid, string program)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (IsRunning(pid, program) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
    }

    /// <summary>The process state from /proc ("Z" zombie, "X" dead); false where /proc does not exist.</summary>
    public static bool IsZombie(int pid)
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
}
