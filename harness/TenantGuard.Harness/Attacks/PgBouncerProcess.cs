using System.Globalization;
using Npgsql;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// A throwaway pgbouncer in transaction pooling mode with one server connection, in front of the database under
/// attack, on a free 127.0.0.1 port. It goes through the embedded server's lifecycle: a 0700 server directory
/// (<c>&lt;pid&gt;-&lt;random&gt;-pgbouncer</c> in <see cref="ServerDirectory.DefaultRoot"/>) with an owner stamp, run
/// as the postgres user when root, stopped and deleted on dispose and by the exit handlers, and removed by the next
/// run's orphan cleanup after a SIGKILL.
/// </summary>
public sealed class PgBouncerProcess : IAsyncDisposable
{
    private static readonly string[] KnownLocations = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer", "/opt/homebrew/bin/pgbouncer"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly ServerDirectory _directory;
    private int _stopped;

    private PgBouncerProcess(ServerDirectory directory, string clientConnectionString)
    {
        _directory = directory;
        ClientConnectionString = clientConnectionString;
    }

    /// <summary>Connects through pgbouncer as the application role, without a client-side pool.</summary>
    public string ClientConnectionString { get; }

    /// <summary>The server directory holding pgbouncer's log and pid file; gone after dispose.</summary>
    internal string Directory => _directory.Path;

    public static string? FindBinary() =>
        KnownLocations.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "pgbouncer")).FirstOrDefault(File.Exists);

    /// <summary>Starts pgbouncer, or returns null when it is not installed.</summary>
    public static async Task<PgBouncerProcess?> TryStartAsync(string appConnectionString, CancellationToken ct)
    {
        if (FindBinary() is not { } binary)
        {
            return null;
        }

        var root = ServerDirectory.DefaultRoot;
        // With --connection no embedded server starts, so this is where a killed run's pgbouncer is found then.
        OrphanCleaner.Clean(root, runner: null);
        var runner = new ServerProcessRunner(Path.GetDirectoryName(binary)!);
        var directory = ServerDirectory.Create(root, ServerDirectory.PgBouncerSuffix);
        ExitCleanup.Register(directory, runner: null);
        try
        {
            var port = LoopbackPort.Free();
            var configuration = PgBouncerConfiguration.Write(directory, new NpgsqlConnectionStringBuilder(appConnectionString), port);
            ServerProcessRunner.GiveToServiceUser(directory.Path);
            await StartAsync(runner, directory, configuration, port, ct).ConfigureAwait(false);
            configuration.DeleteSecrets();
            var client = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Database = PgBouncerConfiguration.DatabaseAlias,
                Username = configuration.User,
                Password = configuration.ClientPassword,
                Pooling = false,
            }.ConnectionString;
            return new PgBouncerProcess(directory, client);
        }
        catch
        {
            ExitCleanup.Unregister(directory);
            await ServerStopper.StopAndDeleteAsync(directory, runner: null).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        ExitCleanup.Unregister(_directory);
        await ServerStopper.StopAndDeleteAsync(_directory, runner: null).ConfigureAwait(false);
    }

    /// <summary>
    /// pgbouncer -d checks its configuration, detaches (as pg_ctl start does for postgres, so it answers to its pid
    /// file, not to this process) and then listens: ready once the port accepts connections.
    /// </summary>
    private static async Task StartAsync(ServerProcessRunner runner, ServerDirectory directory, PgBouncerConfiguration configuration,
        int port, CancellationToken ct)
    {
        var result = await runner.RunAsync("pgbouncer", ["-d", configuration.ConfigurationFile], directory.Path, StartTimeout, ct)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new HarnessException($"pgbouncer failed to start (exit code {result.ExitCode}): {result.Output}\n" +
                                       $"Log ({directory.LogFile}):\n{directory.LogTail()}");
        }

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await LoopbackPort.AcceptsAsync(port, ct).ConfigureAwait(false))
        {
            var exited = directory.PgBouncerPid() is { } pid && !ServerProcess.IsRunning(pid, ServerProcess.PgBouncer);
            if (exited || DateTime.UtcNow > deadline)
            {
                throw new HarnessException(
                    $"pgbouncer {(exited ? "exited at start" : $"did not listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} within {StartTimeout.TotalSeconds:0} s")}.\n" +
                    $"Log ({directory.LogFile}):\n{directory.LogTail()}");
            }

            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }
}
