using TenantGuard.SampleApp.Domain;

namespace TenantGuard.SampleApp.Repositories;

/// <summary>Documents of one tenant, the one resource clients may also change and delete. An interface so the
/// isolation suite can prove it catches a repository that forgets its tenant.</summary>
public interface IDocumentRepository
{
    Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, CancellationToken ct);

    Task<Document?> GetAsync(Guid tenantId, Guid id, CancellationToken ct);

    Task<Document> CreateAsync(Guid tenantId, NewDocument document, CancellationToken ct);

    Task<Document?> UpdateAsync(Guid tenantId, Guid id, DocumentChanges changes, CancellationToken ct);

    Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct);
}
