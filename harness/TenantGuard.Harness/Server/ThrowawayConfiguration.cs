namespace TenantGuard.Harness.Server;

/// <summary>The pg_hba.conf and postgresql.conf of an embedded server, written over the copied cluster's.</summary>
internal static class ThrowawayConfiguration
{
    /// <summary>
    /// The socket and the loopback address only, both with the superuser's password (SCRAM): the server is reachable
    /// from this machine alone, and only by the harness, which read the password from the 0600 cache file.
    /// </summary>
    public const string HostBasedAuthentication = "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n";

    public static async Task WriteAsync(ServerDirectory directory, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(directory.DataDirectory, "pg_hba.conf"), HostBasedAuthentication, ct)
            .ConfigureAwait(false);
        await File.AppendAllTextAsync(Path.Combine(directory.DataDirectory, "postgresql.conf"), Settings(directory, settings), ct)
            .ConfigureAwait(false);
    }

    /// <summary>Durability off: a crash loses the server, which is thrown away anyway.</summary>
    private static string Settings(ServerDirectory directory, IReadOnlyDictionary<string, string> settings) => $"""

        # TenantGuard throwaway server
        listen_addresses = '127.0.0.1'
        unix_socket_directories = '{Quote(directory.Path)}'
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
        {string.Concat(settings.Select(s => $"{s.Key} = '{Quote(s.Value)}'\n"))}
        """;

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
