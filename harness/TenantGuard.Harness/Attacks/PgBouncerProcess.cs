using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// A throwaway pgbouncer in transaction pooling mode with one server connection, in front of the database under
/// attack, on a free 127.0.0.1 port. pgbouncer refuses to run as root, so as root it runs as the postgres user.
/// </summary>
public sealed class PgBouncerProcess : IAsyncDisposable
{
    private static readonly string[] KnownLocations = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer", "/opt/homebrew/bin/pgbouncer"];

    private readonly Process _process;
    private readonly string _directory;

    private PgBouncerProcess(Process process, string directory, string clientConnectionString)
    {
        _process = process;
        _directory = directory;
        ClientConnectionString = clientConnectionString;
    }

    /// <summary>Connects through pgbouncer as the application role, without a client-side pool.</summary>
    public string ClientConnectionString { get; }

    public static string? FindBinary() =>
        KnownLocations.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "pgbouncer")).FirstOrDefault(File.Exists);

    /// <summary>Starts pgbouncer, or returns null when it is not installed.</summary>
    public static async Task<PgBouncerProcess?> TryStartAsync(string appConnectionString, CancellationToken ct)
    {
        var binary = FindBinary();
        if (binary is null)
        {
            return null;
        }

        var server = new NpgsqlConnectionStringBuilder(appConnectionString);
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("tenantguard-pgbouncer-").FullName;
        var user = server.Username ?? "app_user";
        var serverHost = server.Host is { Length: > 0 } host && !host.StartsWith('/') ? host : "127.0.0.1";
        var password = string.IsNullOrEmpty(server.Password) ? string.Empty : $" password={server.Password}";
        await File.WriteAllTextAsync(Path.Combine(directory, "userlist.txt"), $"\"{user}\" \"\"\n", ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "pgbouncer.ini"), $"""
            [databases]
            target = host={serverHost} port={server.Port} dbname={server.Database} user={user}{password}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {Path.Combine(directory, "userlist.txt")}
            pool_mode = transaction
            default_pool_size = 1
            max_client_conn = 20
            server_reset_query =
            ignore_startup_parameters = extra_float_digits,options
            logfile = {Path.Combine(directory, "pgbouncer.log")}
            """, ct).ConfigureAwait(false);

        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres)
        {
            await Process.Start("chown", ["-R", "postgres", directory]).WaitForExitAsync(ct).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo(runAsPostgres ? "runuser" : binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (runAsPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", binary })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(Path.Combine(directory, "pgbouncer.ini"));
        var process = Process.Start(start) ?? throw new HarnessException($"Could not start {binary}.");
        var client = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = "target",
            Username = user,
            Pooling = false,
        }.ConnectionString;
        var bouncer = new PgBouncerProcess(process, directory, client);
        await bouncer.WaitUntilListeningAsync(port, ct).ConfigureAwait(false);
        return bouncer;
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var log = Path.Combine(_directory, "pgbouncer.log");
                var tail = File.Exists(log) ? await File.ReadAllTextAsync(log, ct).ConfigureAwait(false) : await _process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
                throw new HarnessException($"pgbouncer exited at start (code {_process.ExitCode}): {tail.Trim()}");
            }

            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, ct).ConfigureAwait(false);
            }
        }

        throw new HarnessException($"pgbouncer did not listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} within 5 s; see {_directory}/pgbouncer.log.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still being flushed; the temp directory is cleaned by the system.
        }
    }
}
