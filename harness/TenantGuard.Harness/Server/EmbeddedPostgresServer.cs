using System.Diagnostics;
using System.Globalization;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A throwaway server from the PostgreSQL binaries on this machine: a copy of a cached initdb cluster in a private
/// temporary directory, a free port on 127.0.0.1, the superuser's password required on every connection, settings that
/// trade durability for speed. Stopped and deleted on dispose, Ctrl-C, termination signals and process exit.
/// </summary>
internal sealed class EmbeddedPostgresServer : PostgresServer
{
    public const string Superuser = "postgres";

    private readonly ServerDirectory _directory;
    private readonly ServerProcessRunner _runner;
    private int _stopped;

    private EmbeddedPostgresServer(EmbeddedServerLaunch.Started started, ServerDirectory directory, ServerProcessRunner runner)
        : base(started.AdminConnectionString, started.Version)
    {
        _directory = directory;
        _runner = runner;
        Port = started.Port;
    }

    public override string Kind => "embedded";

    public int Port { get; }

    /// <summary>The temporary directory holding the data directory, socket and log; gone after dispose.</summary>
    public string Directory => _directory.Path;

    /// <param name="cacheRoot">Where the initdb cache lives: <see cref="ServerDirectory.DefaultRoot"/>, shared by every
    /// run of this user, whatever <paramref name="root"/> the servers use.</param>
    public static async Task<PostgresServer> StartAsync(string binDirectory, string root, string cacheRoot, int? requestedPort,
        IReadOnlyDictionary<string, string> settings, IProgress<string>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var runner = new ServerProcessRunner(binDirectory);
        var orphans = OrphanCleaner.Clean(root, runner);
        if (orphans.Count > 0)
        {
            progress?.Report($"removed {orphans.Count} server director{(orphans.Count == 1 ? "y" : "ies")} left by killed runs");
        }

        if (requestedPort is { } wanted && !LoopbackPort.IsFree(wanted))
        {
            throw LoopbackPort.Busy(wanted);
        }

        var directory = ServerDirectory.Create(root);
        ExitCleanup.Register(directory, runner);
        try
        {
            var cache = new InitdbCache(cacheRoot, runner);
            var started = await StartFromCacheAsync(directory, runner, cache, requestedPort, settings, progress, ct).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"server ready on 127.0.0.1:{started.Port} (PostgreSQL {started.Version}, {stopwatch.Elapsed.TotalSeconds:0.0} s)"));
            return new EmbeddedPostgresServer(started, directory, runner);
        }
        catch
        {
            ExitCleanup.Unregister(directory);
            await ServerStopper.StopAndDeleteAsync(directory, runner).ConfigureAwait(false);
            throw;
        }
    }

    protected override async ValueTask StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        ExitCleanup.Unregister(_directory);
        await ServerStopper.StopAndDeleteAsync(_directory, _runner).ConfigureAwait(false);
    }

    /// <summary>
    /// The cache entry is checked before the copy, but a damage the check cannot see (a data file removed, a password
    /// file edited) only shows when the server fails to start or to let the harness in: then the entry is rebuilt once
    /// and the start tried again.
    /// </summary>
    private static async Task<EmbeddedServerLaunch.Started> StartFromCacheAsync(ServerDirectory directory, ServerProcessRunner runner,
        InitdbCache cache, int? requestedPort, IReadOnlyDictionary<string, string> settings, IProgress<string>? progress,
        CancellationToken ct)
    {
        var entry = await cache.GetAsync(progress, ct).ConfigureAwait(false);
        try
        {
            return await EmbeddedServerLaunch.RunAsync(directory, runner, entry, requestedPort, settings, ct).ConfigureAwait(false);
        }
        catch (CopiedClusterException e)
        {
            progress?.Report($"the server did not start from the cached cluster: {e.Message.Split('\n')[0]}");
            await ServerStopper.StopAsync(directory, runner).ConfigureAwait(false);
            directory.DeleteData();
        }

        entry = await cache.RebuildAsync(entry, progress, ct).ConfigureAwait(false);
        try
        {
            return await EmbeddedServerLaunch.RunAsync(directory, runner, entry, requestedPort, settings, ct).ConfigureAwait(false);
        }
        catch (CopiedClusterException e)
        {
            throw new HarnessException(e.Message, e.InnerException);
        }
    }
}
