using Dapper;
using Npgsql;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>Looks tenants up in the global tenants table, the one table read before a tenant is known.</summary>
public sealed class TenantDirectory(NpgsqlDataSource dataSource)
{
    public async Task<Guid?> FindByApiKeyAsync(string apiKey, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM tenants WHERE api_key_hash = @hash", new { hash = ApiKeyHash.Of(apiKey) }, cancellationToken: ct));
    }

    public async Task<Guid?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM tenants WHERE slug = @slug", new { slug }, cancellationToken: ct));
    }

    public async Task<Guid?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM tenants WHERE id = @id", new { id }, cancellationToken: ct));
    }
}
