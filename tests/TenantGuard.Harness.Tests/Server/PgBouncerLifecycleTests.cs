using Npgsql;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Server;

/// <summary>pgbouncer goes through the embedded server's lifecycle: a private server directory with an owner stamp,
/// no secret left on disk, stopped on dispose and by the exit handlers, and removed by the next run after a SIGKILL.</summary>
[Collection("postgres")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes, pid files and signals
public sealed class PgBouncerLifecycleTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task Pgbouncer_runs_in_a_private_directory_with_no_secret_on_disk_and_leaves_nothing_behind()
    {
        var bouncer = await StartAsync();
        var directory = ServerDirectory.Open(bouncer.Directory);
        var pid = directory.PgBouncerPid();
        try
        {
            Assert.Equal(ServerDirectory.DefaultRoot, Path.GetDirectoryName(directory.Path));
            Assert.StartsWith($"{Environment.ProcessId}-", Path.GetFileName(directory.Path));
            Assert.EndsWith("-pgbouncer", directory.Path);
            Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(directory.Path));
            Assert.NotNull(pid);
            Assert.True(ServerProcess.IsRunning(pid.Value, ServerProcess.PgBouncer));

            // pgbouncer read its configuration and user list at start; neither password stays in a file.
            Assert.Equal(["owner.lock", "pgbouncer.pid", "server.log"],
                Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var files = string.Concat(Directory.GetFiles(directory.Path).Select(File.ReadAllText));
            Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(fixture.Server.AdminConnectionString).Password ?? "(no password)", files);
            Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(bouncer.ClientConnectionString).Password!, files);

            Assert.Equal(1, await ScalarAsync(bouncer.ClientConnectionString));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() =>
                ScalarAsync(new NpgsqlConnectionStringBuilder(bouncer.ClientConnectionString) { Password = null }.ConnectionString));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() =>
                ScalarAsync(new NpgsqlConnectionStringBuilder(bouncer.ClientConnectionString) { Password = "not-the-password" }.ConnectionString));
        }
        finally
        {
            await bouncer.DisposeAsync();
        }

        Assert.False(Directory.Exists(directory.Path));
        Assert.False(ServerProcess.IsRunning(pid.Value, ServerProcess.PgBouncer));
    }

    [Fact]
    public async Task The_exit_handler_stops_pgbouncer_and_deletes_its_directory()
    {
        var bouncer = await StartAsync();
        var pid = ServerDirectory.Open(bouncer.Directory).PgBouncerPid();
        Assert.NotNull(pid);

        ExitCleanup.StopAll(path => path == bouncer.Directory);

        Assert.False(Directory.Exists(bouncer.Directory));
        Assert.False(ServerProcess.IsRunning(pid.Value, ServerProcess.PgBouncer));
        await bouncer.DisposeAsync(); // nothing left to do, and no failure
    }

    [Fact]
    public async Task An_orphaned_pgbouncer_is_killed_and_its_directory_deleted_when_the_next_one_starts()
    {
        // The "killed run": a running pgbouncer whose owner file names a process that is gone (a recycled pid: same
        // number as this process, another start time). A run on an existing server (--connection) starts no embedded
        // server, so the next pgbouncer start is where it must go.
        var killed = await StartAsync();
        var orphan = ServerDirectory.Open(killed.Directory);
        var pid = orphan.PgBouncerPid();
        Assert.NotNull(pid);
        ExitCleanup.Unregister(orphan);
        await File.WriteAllTextAsync(orphan.OwnerFile, new OwnerStamp(Environment.ProcessId, 1).ToString());

        await using (await StartAsync())
        {
            Assert.False(Directory.Exists(orphan.Path));
            Assert.False(ServerProcess.IsRunning(pid.Value, ServerProcess.PgBouncer));
        }
    }

    [Fact]
    public async Task The_next_run_kills_the_pgbouncer_of_a_run_killed_with_SIGKILL_and_deletes_its_directory()
    {
        using var killed = TestProgram.Start(TestProgram.HoldPgBouncer);
        var stderr = killed.StandardError.ReadToEndAsync();
        var serverDirectory = await killed.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var bouncerDirectory = await killed.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        if (bouncerDirectory is null)
            throw new Xunit.Sdk.XunitException($"the program did not start pgbouncer:\n{await stderr}");
        var bouncer = ServerDirectory.Open(bouncerDirectory).PgBouncerPid();
        var postmaster = ServerDirectory.Open(serverDirectory!).PostmasterPid();
        Assert.NotNull(bouncer);
        Assert.NotNull(postmaster);

        killed.Kill(); // SIGKILL: no handler runs
        await killed.WaitForExitAsync();
        Assert.True(Directory.Exists(bouncerDirectory), "the killed run's pgbouncer directory should still be there");
        Assert.True(ServerProcess.IsRunning(bouncer.Value, ServerProcess.PgBouncer), "the killed run's pgbouncer should still run");

        await using (await new PostgresServerBuilder().StartAsync())
        {
            Assert.False(Directory.Exists(bouncerDirectory), $"{bouncerDirectory} is left behind");
            Assert.False(ServerProcess.IsRunning(bouncer.Value, ServerProcess.PgBouncer), $"pgbouncer {bouncer} of the killed run still runs");
            Assert.False(Directory.Exists(serverDirectory), $"{serverDirectory} is left behind");
            Assert.False(ServerProcess.IsRunning(postmaster.Value, ServerProcess.Postgres), $"postgres {postmaster} of the killed run still runs");
        }
    }

    private async Task<PgBouncerProcess> StartAsync() =>
        await PgBouncerProcess.TryStartAsync(fixture.Server.AdminConnectionString, CancellationToken.None)
        ?? throw new InvalidOperationException("pgbouncer is not installed (apt-get install pgbouncer, brew install pgbouncer)");

    private static async Task<int> ScalarAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
