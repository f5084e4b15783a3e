using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A throwaway server from the PostgreSQL binaries on this machine: initdb into a temporary directory, a free port on
/// 127.0.0.1, settings that trade durability for speed. Stopped and deleted on dispose, Ctrl-C and process exit.
/// </summary>
internal sealed class EmbeddedPostgresServer : PostgresServer
{
    public const string Superuser = "postgres";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ServerDirectory _directory;
    private readonly ServerProcessRunner _runner;
    private int _stopped;

    private EmbeddedPostgresServer(string adminConnectionString, Version version, ServerDirectory directory,
        ServerProcessRunner runner, int port)
        : base(adminConnectionString, version)
    {
        _directory = directory;
        _runner = runner;
        Port = port;
    }

    public override string Kind => "embedded";

    public int Port { get; }

    /// <summary>The temporary directory holding the data directory, socket and log; gone after dispose.</summary>
    public string Directory => _directory.Path;

    public static async Task<PostgresServer> StartAsync(string binDirectory, string root, int? requestedPort,
        IReadOnlyDictionary<string, string> settings, IProgress<string>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var runner = new ServerProcessRunner(binDirectory);
        var orphans = OrphanCleaner.Clean(root, runner);
        if (orphans.Count > 0)
        {
            progress?.Report($"removed {orphans.Count} server director{(orphans.Count == 1 ? "y" : "ies")} left by killed runs");
        }

        if (requestedPort is { } wanted && !PortIsFree(wanted))
        {
            throw new HarnessException($"Port {wanted} on 127.0.0.1 is busy. Choose another port or let TenantGuard pick a free one.");
        }

        var directory = ServerDirectory.Create(root);
        ExitCleanup.Register(directory, runner);
        try
        {
            await InitializeAsync(directory, runner, settings, progress, ct).ConfigureAwait(false);
            var port = await LaunchAsync(directory, runner, requestedPort, ct).ConfigureAwait(false);
            var adminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = Superuser,
                Database = "postgres",
                IncludeErrorDetail = true,
            }.ConnectionString;
            var version = await QueryVersionAsync(adminConnectionString, ct).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"server ready on 127.0.0.1:{port} (PostgreSQL {version}, {stopwatch.Elapsed.TotalSeconds:0.0} s)"));
            return new EmbeddedPostgresServer(adminConnectionString, version, directory, runner, port);
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

    private static async Task InitializeAsync(ServerDirectory directory, ServerProcessRunner runner,
        IReadOnlyDictionary<string, string> settings, IProgress<string>? progress, CancellationToken ct)
    {
        await InitdbCache.CreateDataDirectoryAsync(runner, directory.DataDirectory, progress, ct).ConfigureAwait(false);

        // Trust only the socket and the loopback address: the server is reachable from this machine alone.
        await File.WriteAllTextAsync(Path.Combine(directory.DataDirectory, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\n", ct).ConfigureAwait(false);
        await File.AppendAllTextAsync(Path.Combine(directory.DataDirectory, "postgresql.conf"),
            ThrowawaySettings(directory, settings), ct).ConfigureAwait(false);
    }

    /// <summary>Durability off: a crash loses the server, which is thrown away anyway.</summary>
    private static string ThrowawaySettings(ServerDirectory directory, IReadOnlyDictionary<string, string> settings) => $"""

        # TenantGuard throwaway server
        listen_addresses = '127.0.0.1'
        unix_socket_directories = '{directory.Path.Replace("'", "''", StringComparison.Ordinal)}'
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        wal_level = minimal
        max_wal_senders = 0
        max_wal_size = 1GB
        checkpoint_timeout = 1h
        shared_buffers = 32MB
        max_connections = 200
        autovacuum = off
        log_min_messages = warning
        {string.Concat(settings.Select(s => $"{s.Key} = '{s.Value.Replace("'", "''", StringComparison.Ordinal)}'\n"))}
        """;

    /// <summary>Starts postgres on a free port, retrying with another one when a concurrent run took it first.</summary>
    private static async Task<int> LaunchAsync(ServerDirectory directory, ServerProcessRunner runner, int? requestedPort,
        CancellationToken ct)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort ?? FreePort();
            string[] arguments =
            [
                "start", "-D", directory.DataDirectory, "-l", directory.LogFile, "-w", "-t",
                ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            ];
            var result = await runner.RunAsync("pg_ctl", arguments, directory.Path, StartTimeout + TimeSpan.FromSeconds(10), ct)
                .ConfigureAwait(false);
            if (result.Succeeded)
            {
                return port;
            }

            var log = directory.LogTail();
            var portTaken = log.Contains("Address already in use", StringComparison.Ordinal);
            if (portTaken && requestedPort is null && attempt < attempts)
            {
                continue;
            }

            if (portTaken)
            {
                throw new HarnessException($"Port {port} on 127.0.0.1 is busy. Choose another port or let TenantGuard pick a free one.");
            }

            var reason = result.Output.Contains("did not start in time", StringComparison.Ordinal)
                ? $"did not become ready within {StartTimeout.TotalSeconds:0} s"
                : $"failed to start (pg_ctl exit code {result.ExitCode})";
            throw new HarnessException($"The embedded PostgreSQL server {reason}.\npg_ctl: {result.Output}\nServer log ({directory.LogFile}), last lines:\n{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
