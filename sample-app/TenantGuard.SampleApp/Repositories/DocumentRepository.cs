using Dapper;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Repositories;

public sealed class DocumentRepository(TenantSession session) : IDocumentRepository
{
    public const string Columns = "tenant_id AS TenantId, id AS Id, client_id AS ClientId, title AS Title, body AS Body, created_at AS CreatedAt";

    public async Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<Document>(new CommandDefinition(
            $"SELECT {Columns} FROM documents WHERE tenant_id = @tenantId ORDER BY created_at DESC", new { tenantId }, session.Transaction, cancellationToken: ct))).AsList();

    public Task<Document?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(
            $"SELECT {Columns} FROM documents WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, session.Transaction, cancellationToken: ct));

    public Task<Document> CreateAsync(Guid tenantId, NewDocument document, CancellationToken ct) =>
        session.Connection.QuerySingleAsync<Document>(new CommandDefinition(
            $"INSERT INTO documents (tenant_id, client_id, title, body) VALUES (@tenantId, @ClientId, @Title, @Body) RETURNING {Columns}",
            new { tenantId, document.ClientId, document.Title, document.Body }, session.Transaction, cancellationToken: ct));

    public Task<Document?> UpdateAsync(Guid tenantId, Guid id, DocumentChanges changes, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(
            $"UPDATE documents SET title = @Title, body = @Body WHERE tenant_id = @tenantId AND id = @id RETURNING {Columns}",
            new { tenantId, id, changes.Title, changes.Body }, session.Transaction, cancellationToken: ct));

    public async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM documents WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, session.Transaction, cancellationToken: ct)) == 1;
}
