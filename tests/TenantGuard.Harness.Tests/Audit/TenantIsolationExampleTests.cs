using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

// The library underneath TenantGuard.Testing, held by a fixture of the test's own (one server, the migrations applied
// once) as docs/audit.md describes it: the audit as an assertion, and a database of its own for each test.

public sealed class TenantIsolationFixture : IAsyncLifetime
{
    public TenantIsolationEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Environment = await new TenantIsolationEnvironmentBuilder()
            .WithMigrations(ExampleMigrations.Folder) // yours: e.g. Path.Combine(AppContext.BaseDirectory, "migrations")
            .WithAppRole("app_user")
            .StartAsync();

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}

public sealed class TenantIsolationExampleTests(TenantIsolationFixture fixture) : IClassFixture<TenantIsolationFixture>
{
    [Fact]
    public Task The_migrations_isolate_tenants() => fixture.Environment.AssertIsolatedAsync();

    [Fact]
    public async Task Each_test_gets_a_database_of_its_own_where_one_tenant_cannot_read_another()
    {
        await using var database = await fixture.Environment.CreateDatabaseAsync();
        var (tenantA, tenantB) = (Guid.NewGuid(), Guid.NewGuid());
        await InsertOrderAsync(database, tenantA, "A-1");

        await using var asB = await OpenAsTenantAsync(database, tenantB);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM orders", asB);

        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    private static async Task InsertOrderAsync(TenantDatabase database, Guid tenant, string number)
    {
        await using var connection = await OpenAsTenantAsync(database, tenant);
        await using var insert = new NpgsqlCommand("INSERT INTO orders (tenant_id, number) VALUES ($1, $2)", connection)
        {
            Parameters = { new() { Value = tenant }, new() { Value = number } },
        };
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsTenantAsync(TenantDatabase database, Guid tenant)
    {
        var connection = await database.AppDataSource.OpenConnectionAsync();
        await using var set = new NpgsqlCommand($"SET app.tenant_id = '{tenant}'", connection);
        await set.ExecuteNonQueryAsync();
        return connection;
    }
}

internal static class ExampleMigrations
{
    public static string Folder => RepositoryFolder.Find("tests/TenantGuard.Harness.Tests/Audit/ExampleMigrations");
}
