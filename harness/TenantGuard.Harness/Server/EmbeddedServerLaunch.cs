using System.Globalization;
using Npgsql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// One attempt at bringing an embedded server up in its directory: a copy of the cached cluster, the throwaway
/// configuration, pg_ctl start on a free port, and a first connection with the superuser's password.
/// </summary>
internal static class EmbeddedServerLaunch
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public sealed record Started(int Port, string AdminConnectionString, Version Version);

    public static async Task<Started> RunAsync(ServerDirectory directory, ServerProcessRunner runner, InitdbCacheEntry entry,
        int? requestedPort, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        if (await InitdbCache.CopyAsync(entry, directory.DataDirectory, ct).ConfigureAwait(false) is { } copyError)
        {
            throw new CopiedClusterException($"Could not copy the cached cluster {entry.DataDirectory}: {copyError}");
        }

        await ThrowawayConfiguration.WriteAsync(directory, settings, ct).ConfigureAwait(false);
        var port = await StartAsync(directory, runner, requestedPort, extraSettings: settings.Count > 0, ct).ConfigureAwait(false);
        var adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = EmbeddedPostgresServer.Superuser,
            Password = entry.SuperuserPassword,
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
        try
        {
            var version = await PostgresServer.QueryVersionAsync(adminConnectionString, ct).ConfigureAwait(false);
            return new Started(port, adminConnectionString, version);
        }
        catch (NpgsqlException e) when (!ct.IsCancellationRequested)
        {
            throw new CopiedClusterException(
                $"The embedded PostgreSQL server started but refused the harness's connection: {e.Message}\n" +
                $"Server log ({directory.LogFile}), last lines:\n{directory.LogTail()}", e);
        }
    }

    /// <summary>Starts postgres on a free port, retrying with another one when a concurrent run took it first.</summary>
    private static async Task<int> StartAsync(ServerDirectory directory, ServerProcessRunner runner, int? requestedPort,
        bool extraSettings, CancellationToken ct)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort ?? LoopbackPort.Free();
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
                throw LoopbackPort.Busy(port);
            }

            // A slow start is no sign of damage, nor is a configuration postgres rejects when the caller added settings.
            var timedOut = result.Output.Contains("did not start in time", StringComparison.Ordinal);
            var settingsRejected = extraSettings && log.Contains("configuration file", StringComparison.Ordinal)
                                                 && log.Contains("contains errors", StringComparison.Ordinal);
            var reason = timedOut
                ? $"did not become ready within {StartTimeout.TotalSeconds:0} s"
                : $"failed to start (pg_ctl exit code {result.ExitCode})";
            var message = $"The embedded PostgreSQL server {reason}.\npg_ctl: {result.Output}\nServer log ({directory.LogFile}), last lines:\n{log}";
            throw timedOut || settingsRejected ? new HarnessException(message) : new CopiedClusterException(message);
        }
    }
}
