using TenantGuard.Harness;
using TenantGuard.Harness.Server;

namespace TenantGuard.SampleApp.Hosting;

/// <summary>A throwaway PostgreSQL for running the sample app locally: started through the harness, migrated with the
/// app's migrations, filled with the demo tenants. Everything is deleted on dispose.</summary>
public sealed class EmbeddedDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly TenantDatabaseTemplate _template;

    private EmbeddedDatabase(PostgresServer server, TenantDatabaseTemplate template, TenantDatabase database)
    {
        _server = server;
        _template = template;
        Database = database;
    }

    public TenantDatabase Database { get; }

    /// <summary>The migrations shipped next to the app's binaries.</summary>
    public static string MigrationsFolder => Path.Combine(AppContext.BaseDirectory, "migrations");

    public static async Task<EmbeddedDatabase> StartAsync(IProgress<string>? progress, CancellationToken ct = default)
    {
        var builder = new PostgresServerBuilder();
        if (progress is not null)
        {
            builder.WithProgress(progress);
        }

        var server = await builder.StartAsync(ct);
        try
        {
            var template = await new TenantDatabaseBuilder(server).WithMigrations(MigrationsFolder).BuildTemplateAsync(ct);
            var database = await template.CreateDatabaseAsync(ct);
            await DemoData.SeedAsync(database.OwnerDataSource, ct);
            return new EmbeddedDatabase(server, template, database);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _template.DisposeAsync();
        await _server.DisposeAsync();
    }
}
