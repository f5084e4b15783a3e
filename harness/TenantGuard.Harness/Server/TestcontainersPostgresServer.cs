using Npgsql;
using Testcontainers.PostgreSql;

namespace TenantGuard.Harness.Server;

/// <summary>A PostgreSQL container started through Testcontainers; removed on dispose.</summary>
internal sealed class TestcontainersPostgresServer : PostgresServer
{
    public const string Image = "postgres:16-alpine";

    private readonly PostgreSqlContainer _container;

    private TestcontainersPostgresServer(string adminConnectionString, Version version, PostgreSqlContainer container)
        : base(adminConnectionString, version)
    {
        _container = container;
    }

    public override string Kind => "testcontainers";

    public static async Task<PostgresServer> StartAsync(IProgress<string>? progress, CancellationToken ct)
    {
        if (await DockerProbe.FindEngineAsync(ct).ConfigureAwait(false) is null)
        {
            throw new HarnessException(NoDockerMessage);
        }

        progress?.Report($"starting container {Image}…");
        var container = new PostgreSqlBuilder(Image)
            .WithUsername("postgres")
            .WithPassword("postgres")
            .WithDatabase("postgres")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200")
            .Build();
        try
        {
            await container.StartAsync(ct).ConfigureAwait(false);
            var adminConnectionString = new NpgsqlConnectionStringBuilder(container.GetConnectionString())
            {
                Database = "postgres",
                IncludeErrorDetail = true,
            }.ConnectionString;
            var version = await QueryVersionAsync(adminConnectionString, ct).ConfigureAwait(false);
            progress?.Report($"container ready on {container.Hostname}:{container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)}");
            return new TestcontainersPostgresServer(adminConnectionString, version, container);
        }
        catch (Exception e) when (e is not HarnessException and not OperationCanceledException)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw new HarnessException($"The PostgreSQL container ({Image}) did not start: {e.Message}", e);
        }
    }

    public const string NoDockerMessage =
        "Docker was requested (--docker), but no Docker engine answers (checked DOCKER_HOST, /var/run/docker.sock, " +
        "~/.docker/run/docker.sock). Start Docker, or use the embedded server (install PostgreSQL: " +
        "`apt-get install postgresql-15` / `brew install postgresql@16`), or an existing server with " +
        "--connection \"Host=…;Username=…;Password=…\" (or TENANTGUARD_CONNECTION).";

    protected override ValueTask StopAsync() => _container.DisposeAsync();
}
