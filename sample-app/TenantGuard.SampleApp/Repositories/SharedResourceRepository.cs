using Dapper;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Repositories;

/// <summary>
/// Shared resources: a tenant sees its own, those shared globally and those shared with it by name. The predicate
/// states the same rule as the policies, so the query plan stays on the indexes; row-level security enforces it.
/// </summary>
public sealed class SharedResourceRepository(TenantSession session)
{
    private const string Columns = "r.tenant_id AS TenantId, r.id AS Id, r.name AS Name, r.content AS Content, r.sharing_mode::text AS SharingMode";

    private const string Visible = """
        (r.tenant_id = @tenantId
         OR r.sharing_mode = 'global'
         OR (r.sharing_mode = 'selective' AND EXISTS (
               SELECT 1 FROM resource_shares s
               WHERE s.tenant_id = r.tenant_id AND s.resource_id = r.id AND s.shared_with_tenant_id = @tenantId)))
        """;

    [CrossTenant("Sharing: global and selectively shared resources of other tenants are visible by design (policy shared_resources_readers).")]
    public async Task<IReadOnlyList<SharedResource>> ListAsync(Guid tenantId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<SharedResource>(new CommandDefinition(
            $"SELECT {Columns} FROM shared_resources r WHERE {Visible} ORDER BY r.name", new { tenantId }, session.Transaction, cancellationToken: ct))).AsList();

    [CrossTenant("Sharing: global and selectively shared resources of other tenants are visible by design (policy shared_resources_readers).")]
    public Task<SharedResource?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<SharedResource>(new CommandDefinition(
            $"SELECT {Columns} FROM shared_resources r WHERE r.id = @id AND {Visible}", new { tenantId, id }, session.Transaction, cancellationToken: ct));
}
