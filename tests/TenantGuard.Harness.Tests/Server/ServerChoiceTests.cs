using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Server;

[Collection("postgres")]
public sealed class ServerChoiceTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task An_existing_server_is_used_through_its_connection_string_and_left_running()
    {
        var existing = await new PostgresServerBuilder().WithConnectionString(fixture.Server.AdminConnectionString).StartAsync();
        using var folder = MigrationsFolder.Create(
            ("001_table.sql", "CREATE TABLE items (tenant_id uuid, id int);\nGRANT SELECT ON items TO app_user;"));
        await using (existing)
        {
            Assert.Equal("existing", existing.Kind);
            Assert.Equal(fixture.Server.ServerVersion, existing.ServerVersion);
            await using var template = await new TenantDatabaseBuilder(existing).WithMigrations(folder.Path).BuildTemplateAsync();
            await using var database = await template.CreateDatabaseAsync();
            await using var command = database.AppDataSource.CreateCommand("SELECT count(*) FROM items");
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }

        await using var stillThere = new NpgsqlConnection(fixture.Server.AdminConnectionString);
        await stillThere.OpenAsync();
    }

    [Fact]
    public async Task An_unreachable_existing_server_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<HarnessException>(() => new PostgresServerBuilder()
            .WithConnectionString("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2").StartAsync());

        Assert.Contains("Could not connect to the server 127.0.0.1:1 as nobody", error.Message);
        Assert.Contains("TENANTGUARD_CONNECTION", error.Message);
    }

    [Fact]
    public async Task Testcontainers_without_a_docker_engine_says_what_to_do_instead()
    {
        if (await DockerProbe.FindEngineAsync(CancellationToken.None) is not null)
        {
            await using var container = await new PostgresServerBuilder().WithTestcontainers().StartAsync();
            Assert.Equal("testcontainers", container.Kind);
            return;
        }

        var error = await Assert.ThrowsAsync<HarnessException>(() => new PostgresServerBuilder().WithTestcontainers().StartAsync());

        Assert.Contains("no Docker engine answers", error.Message);
        Assert.Contains("apt-get install postgresql-15", error.Message);
        Assert.Contains("--connection", error.Message);
    }

    [Fact]
    public async Task Auto_mode_with_local_binaries_starts_embedded_without_asking_docker()
    {
        var probes = new List<string>();
        var root = TemporaryRoot();
        DockerProbe.ProbeLog.Value = probes;
        try
        {
            await using var server = await new PostgresServerBuilder().WithTemporaryRoot(root).StartAsync();

            Assert.Equal("embedded", server.Kind);
            Assert.Empty(probes);
        }
        finally
        {
            DockerProbe.ProbeLog.Value = null;
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_binaries_auto_mode_asks_docker_and_then_lists_the_choices()
    {
        var probes = new List<string>();
        DockerProbe.ProbeLog.Value = probes;
        try
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                await using var server = await PostgresServerBuilder.FallBackToDockerAsync(["/nowhere/bin"], null, CancellationToken.None);
                Assert.Equal("testcontainers", server.Kind); // a Docker engine answered
            });

            Assert.NotEmpty(probes);
            if (error is not null)
            {
                var harness = Assert.IsType<HarnessException>(error);
                Assert.Contains("/nowhere/bin", harness.Message);
                Assert.Contains("--docker", harness.Message);
            }
        }
        finally
        {
            DockerProbe.ProbeLog.Value = null;
        }
    }

    private static string TemporaryRoot() =>
        Path.Combine(ServerDirectory.DefaultRoot, "..", "tenantguard-test-" + Guid.NewGuid().ToString("N")[..8]);
}
