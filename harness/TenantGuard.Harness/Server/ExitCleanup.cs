using System.Runtime.InteropServices;

namespace TenantGuard.Harness.Server;

/// <summary>
/// Stops the servers still running when the process ends, is interrupted with Ctrl-C, or is terminated (SIGTERM,
/// SIGHUP) — embedded postgres and pgbouncer alike — so no server process and no temporary directory outlives the
/// run. Disposal remains the normal path; this is the safety net. A SIGKILL cannot be caught: the next start removes
/// what it leaves (OrphanCleaner).
/// </summary>
internal static class ExitCleanup
{
    private static readonly Lock Gate = new();
    // By path: a directory opened again (ServerDirectory.Open) is the same registration.
    private static readonly Dictionary<string, (ServerDirectory Directory, ServerProcessRunner? Runner)> Running =
        new(StringComparer.Ordinal);
    private static bool _hooked;

    // Kept referenced: a collected registration unregisters its handler.
    private static readonly List<PosixSignalRegistration> SignalRegistrations = [];

    /// <summary>Stops and deletes <paramref name="directory"/> at exit; <paramref name="runner"/> runs pg_ctl for a
    /// postgres (null for a pgbouncer, which is killed).</summary>
    public static void Register(ServerDirectory directory, ServerProcessRunner? runner)
    {
        lock (Gate)
        {
            Running[directory.Path] = (directory, runner);
            if (_hooked)
            {
                return;
            }

            _hooked = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
            Console.CancelKeyPress += OnCancelKeyPress;
            if (!OperatingSystem.IsWindows())
            {
                // Since .NET 10 the runtime no longer turns SIGTERM into ProcessExit: without this, `kill` or a CI
                // timeout would leave the server running.
                SignalRegistrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminationSignal));
                SignalRegistrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnTerminationSignal));
            }
        }
    }

    public static void Unregister(ServerDirectory directory)
    {
        lock (Gate)
        {
            Running.Remove(directory.Path);
        }
    }

    /// <summary>See PostgresServer.ApplicationHandlesTermination. Set by a host that turns SIGTERM into a graceful cancellation of its own:
    /// signal handlers run latest-registered first, so this one would otherwise stop the servers before the host's
    /// handler could cancel the signal, failing the running migration instead of cancelling it. Process exit still
    /// stops whatever the host's disposal left.</summary>
    internal static volatile bool HostHandlesTermination;

    private static void OnTerminationSignal(PosixSignalContext context)
    {
        // As with Ctrl-C: an application that cancels the signal shuts down gracefully and disposes the servers.
        if (!context.Cancel && !HostHandlesTermination)
        {
            StopAll();
        }
    }

    private static void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // A handler registered earlier (e.g. the command line's) that cancels the key press will dispose the servers
        // through its own cancellation path; only when the process is about to die do the servers go here.
        if (!e.Cancel)
        {
            StopAll();
        }
    }

    /// <summary>
    /// Stops registered servers synchronously, as the process-exit and Ctrl-C handlers do: all of them, or only those
    /// whose directory <paramref name="which"/> selects.
    /// </summary>
    internal static void StopAll(Predicate<string>? which = null)
    {
        (ServerDirectory Directory, ServerProcessRunner? Runner)[] servers;
        lock (Gate)
        {
            servers = Running.Values.Where(s => which is null || which(s.Directory.Path)).ToArray();
            foreach (var (directory, _) in servers)
            {
                Running.Remove(directory.Path);
            }
        }

        foreach (var (directory, runner) in servers)
        {
            try
            {
                ServerStopper.StopAndDelete(directory, runner);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The next start's orphan cleanup removes what could not be removed now.
            }
        }
    }
}
