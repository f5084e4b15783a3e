using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run, started through the harness itself (embedded by default;
/// TENANTGUARD_CONNECTION points the tests at an existing server). Use it with <c>[Collection("postgres")]</c>.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A template built from the given migrations folder on the shared server.</summary>
    public Task<TenantDatabaseTemplate> BuildTemplateAsync(string migrationsFolder,
        Action<TenantDatabaseBuilder>? configure = null, CancellationToken ct = default)
    {
        var builder = new TenantDatabaseBuilder(Server).WithMigrations(migrationsFolder);
        configure?.Invoke(builder);
        return builder.BuildTemplateAsync(ct);
    }

    /// <summary>A database of its own, migrated from the given files (name → SQL); dispose both when done.</summary>
    public async Task<(TenantDatabaseTemplate Template, TenantDatabase Database)> CreateDatabaseAsync(
        IReadOnlyDictionary<string, string> migrations, Action<TenantDatabaseBuilder>? configure = null)
    {
        using var folder = MigrationsFolder.Create(migrations);
        var template = await BuildTemplateAsync(folder.Path, configure);
        return (template, await template.CreateDatabaseAsync());
    }

    public async Task InitializeAsync()
    {
        _server = await new PostgresServerBuilder().StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
}
