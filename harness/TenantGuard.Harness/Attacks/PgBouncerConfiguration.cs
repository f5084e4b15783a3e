using Npgsql;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// pgbouncer.ini and its user list for one throwaway pgbouncer: transaction pooling with one server connection, on
/// 127.0.0.1 only, clients checked with SCRAM against a random password of their own. Both files hold secrets (the
/// server login's password, the client's), are written 0600 in the 0700 server directory, and are deleted as soon as
/// pgbouncer has read them.
/// </summary>
internal sealed class PgBouncerConfiguration
{
    /// <summary>The name clients connect to.</summary>
    public const string DatabaseAlias = "target";

    private PgBouncerConfiguration(ServerDirectory directory, string user, string clientPassword)
    {
        ConfigurationFile = Path.Combine(directory.Path, "pgbouncer.ini");
        UserListFile = Path.Combine(directory.Path, "userlist.txt");
        User = user;
        ClientPassword = clientPassword;
    }

    public string ConfigurationFile { get; }

    public string UserListFile { get; }

    /// <summary>The role pgbouncer logs in as, and the name its clients log in with.</summary>
    public string User { get; }

    public string ClientPassword { get; }

    /// <summary>Writes both files for a pgbouncer on <paramref name="port"/> in front of <paramref name="server"/>.</summary>
    public static PgBouncerConfiguration Write(ServerDirectory directory, NpgsqlConnectionStringBuilder server, int port)
    {
        var user = server.Username ?? "app_user";
        var configuration = new PgBouncerConfiguration(directory, user,
            Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

        // A unix socket path means the same server on the loopback address, where it also listens.
        var host = server.Host is { Length: > 0 } given && !given.StartsWith('/') ? given : "127.0.0.1";
        var password = string.IsNullOrEmpty(server.Password) ? "" : $" password={Value(server.Password)}";
        PrivateFiles.WriteSecret(configuration.UserListFile, $"{Quoted(user)} {Quoted(configuration.ClientPassword)}\n");
        PrivateFiles.WriteSecret(configuration.ConfigurationFile, $"""
            [databases]
            {DatabaseAlias} = host={Value(host)} port={server.Port} dbname={Value(server.Database ?? "postgres")} user={Value(user)}{password}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = scram-sha-256
            auth_file = {configuration.UserListFile}
            pool_mode = transaction
            default_pool_size = 1
            max_client_conn = 20
            server_reset_query =
            ignore_startup_parameters = extra_float_digits,options
            logfile = {directory.LogFile}
            pidfile = {directory.PgBouncerPidFile}

            """);
        return configuration;
    }

    /// <summary>Once pgbouncer runs it has both files in memory: nothing secret stays on disk, even after a SIGKILL.</summary>
    public void DeleteSecrets()
    {
        File.Delete(ConfigurationFile);
        File.Delete(UserListFile);
    }

    /// <summary>A connect-string value: single-quoted, with single quotes doubled, as pgbouncer reads them.</summary>
    private static string Value(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An auth_file field: double-quoted, with double quotes doubled.</summary>
    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
