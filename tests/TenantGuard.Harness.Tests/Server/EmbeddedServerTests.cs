using System.Net;
using System.Net.Sockets;
using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Server;

public sealed class EmbeddedServerTests
{
    /// <summary>Server roots must be reachable by the unprivileged service user when the tests run as root.</summary>
    internal static string NewRoot() =>
        Path.Combine(ServerDirectory.DefaultRoot, "..", "tenantguard-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Starts_answers_queries_and_deletes_its_directory_on_dispose()
    {
        var root = NewRoot();
        var progress = new List<string>();
        var server = await new PostgresServerBuilder().WithTemporaryRoot(root)
            .WithProgress(new SynchronousProgress(progress)).StartAsync();
        var directory = ((EmbeddedPostgresServer)server).Directory;
        try
        {
            Assert.Equal("embedded", server.Kind);
            Assert.True(server.ServerVersion.Major >= 12);
            Assert.True(Directory.Exists(directory));
            Assert.Equal(1, await ScalarAsync<int>(server.AdminConnectionString, "SELECT 1"));
            Assert.Equal("off", await ScalarAsync<string>(server.AdminConnectionString, "SHOW fsync"));
            Assert.Contains(progress, line => line.StartsWith("server ready on 127.0.0.1:", StringComparison.Ordinal));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(Directory.Exists(directory));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(server.AdminConnectionString, "SELECT 1"));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_without_sharing_state()
    {
        var root = NewRoot();
        var servers = await Task.WhenAll(
            new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync(),
            new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync());
        try
        {
            var ports = servers.Select(s => new NpgsqlConnectionStringBuilder(s.AdminConnectionString).Port).ToArray();
            Assert.NotEqual(ports[0], ports[1]);
            await ScalarAsync<int>(servers[0].AdminConnectionString, "CREATE TABLE only_on_first (id int); SELECT 1");
            Assert.False(await ScalarAsync<bool>(servers[1].AdminConnectionString,
                "SELECT to_regclass('only_on_first') IS NOT NULL"));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }

        Assert.Empty(Directory.EnumerateDirectories(root));
        Directory.Delete(root);
    }

    [Fact]
    public async Task A_busy_port_is_reported_by_number()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<HarnessException>(() =>
            new PostgresServerBuilder().WithPort(port).StartAsync());

        Assert.Contains($"Port {port} on 127.0.0.1 is busy", error.Message);
    }

    [Fact]
    public async Task A_chosen_free_port_is_used()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var server = await new PostgresServerBuilder().WithPort(port).StartAsync();

        Assert.Equal(port, new NpgsqlConnectionStringBuilder(server.AdminConnectionString).Port);
    }

    [Fact]
    public async Task Missing_binaries_name_the_install_command_and_both_alternatives()
    {
        using var empty = new TemporaryDirectory();

        var error = await Assert.ThrowsAsync<HarnessException>(() =>
            new PostgresServerBuilder().WithBinDirectory(empty.Path).StartAsync());

        Assert.Contains(empty.Path, error.Message);
        Assert.Contains("apt-get install postgresql-15", error.Message);
        Assert.Contains("brew install postgresql@16", error.Message);
        Assert.Contains("--connection", error.Message);
        Assert.Contains("TENANTGUARD_CONNECTION", error.Message);
        Assert.Contains("--docker", error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // shell scripts stand in for a broken installation
    public async Task An_initdb_failure_shows_what_initdb_said()
    {
        var root = NewRoot();
        var bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(bin, (UnixFileMode)0b111_101_101);
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var script = Path.Combine(bin, tool);
            File.WriteAllText(script, "#!/bin/sh\necho \"initdb: error: could not create directory: No space left on device\" >&2\nexit 1\n");
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }

        try
        {
            var error = await Assert.ThrowsAsync<HarnessException>(() =>
                new PostgresServerBuilder().WithBinDirectory(bin).WithTemporaryRoot(root).StartAsync());

            Assert.StartsWith("initdb failed (exit code 1)", error.Message);
            Assert.Contains("No space left on device", error.Message);
            Assert.Equal(["bin"], Directory.EnumerateDirectories(root).Select(Path.GetFileName)); // no server left behind
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_fails_to_start_shows_the_log_tail()
    {
        var root = NewRoot();
        try
        {
            var error = await Assert.ThrowsAsync<HarnessException>(() => new PostgresServerBuilder().WithTemporaryRoot(root)
                .WithServerSetting("shared_buffers", "plenty").StartAsync());

            Assert.Contains("failed to start", error.Message);
            Assert.Contains("shared_buffers", error.Message); // the server's own complaint, from its log
            Assert.Empty(Directory.EnumerateDirectories(root)); // no server left behind
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_exit_handler_stops_the_server_and_deletes_its_directory()
    {
        var root = NewRoot();
        var server = (EmbeddedPostgresServer)await new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync();
        var postmaster = ServerDirectory.Open(server.Directory).PostmasterPid();
        Assert.NotNull(postmaster);

        ExitCleanup.StopAll(path => path == server.Directory);

        Assert.False(Directory.Exists(server.Directory));
        Assert.False(ProcessIsRunning(postmaster.Value));
        await server.DisposeAsync(); // after the handler ran, disposal has nothing left to do and must not fail
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Orphans_of_a_killed_run_are_stopped_and_deleted_at_the_next_start()
    {
        var root = NewRoot();
        // The "killed run": a running server whose owner file names a process that is gone (a recycled pid: same
        // number as this process, another start time).
        var killed = (EmbeddedPostgresServer)await new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync();
        var orphan = ServerDirectory.Open(killed.Directory);
        var postmaster = orphan.PostmasterPid();
        Assert.NotNull(postmaster);
        ExitCleanup.Unregister(orphan);
        await File.WriteAllTextAsync(orphan.OwnerFile, new OwnerStamp(Environment.ProcessId, 1).ToString());

        var progress = new List<string>();
        await using (await new PostgresServerBuilder().WithTemporaryRoot(root)
                         .WithProgress(new SynchronousProgress(progress)).StartAsync())
        {
            Assert.False(Directory.Exists(orphan.Path));
            Assert.False(ProcessIsRunning(postmaster.Value));
            Assert.Contains(progress, line => line.Contains("left by killed runs", StringComparison.Ordinal));
        }

        Assert.Empty(Directory.EnumerateDirectories(root));
        Directory.Delete(root);
    }

    [Fact]
    public async Task Directories_of_live_runs_are_left_alone()
    {
        var root = NewRoot();
        await using (var first = (EmbeddedPostgresServer)await new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync())
        {
            await using var second = await new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync();

            Assert.True(Directory.Exists(first.Directory));
            Assert.Equal(1, await ScalarAsync<int>(first.AdminConnectionString, "SELECT 1"));
        }

        Directory.Delete(root);
    }

    private static bool ProcessIsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited && !ServerProcess.IsZombie(pid);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
