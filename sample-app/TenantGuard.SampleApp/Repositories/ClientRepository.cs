using Dapper;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Repositories;

/// <summary>Clients of one tenant. Every method takes the tenant and every statement filters by it, on top of
/// row-level security: the predicate keeps the tenant-leading indexes in use and is the second lock on the door.</summary>
public sealed class ClientRepository(TenantSession session)
{
    private const string Columns = "tenant_id AS TenantId, id AS Id, name AS Name, email AS Email, created_at AS CreatedAt";

    public async Task<IReadOnlyList<Client>> ListAsync(Guid tenantId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<Client>(new CommandDefinition(
            $"SELECT {Columns} FROM clients WHERE tenant_id = @tenantId ORDER BY name", new { tenantId }, session.Transaction, cancellationToken: ct))).AsList();

    public Task<Client?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<Client>(new CommandDefinition(
            $"SELECT {Columns} FROM clients WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, session.Transaction, cancellationToken: ct));

    public Task<Client> CreateAsync(Guid tenantId, NewClient client, CancellationToken ct) =>
        session.Connection.QuerySingleAsync<Client>(new CommandDefinition(
            $"INSERT INTO clients (tenant_id, name, email) VALUES (@tenantId, @Name, @Email) RETURNING {Columns}",
            new { tenantId, client.Name, client.Email }, session.Transaction, cancellationToken: ct));
}
