using Dapper;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Repositories;

/// <summary>Events of one tenant; an event's client is referenced through (tenant_id, client_id), so it can only be
/// one of the same tenant's clients.</summary>
public sealed class EventRepository(TenantSession session)
{
    private const string Columns =
        "tenant_id AS TenantId, id AS Id, client_id AS ClientId, title AS Title, starts_at AS StartsAt, attendees AS Attendees, status::text AS Status";

    public async Task<IReadOnlyList<Event>> ListAsync(Guid tenantId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<Event>(new CommandDefinition(
            $"SELECT {Columns} FROM events WHERE tenant_id = @tenantId ORDER BY starts_at", new { tenantId }, session.Transaction, cancellationToken: ct))).AsList();

    public Task<Event?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<Event>(new CommandDefinition(
            $"SELECT {Columns} FROM events WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, session.Transaction, cancellationToken: ct));

    public Task<Event> CreateAsync(Guid tenantId, NewEvent newEvent, CancellationToken ct) =>
        session.Connection.QuerySingleAsync<Event>(new CommandDefinition(
            $"INSERT INTO events (tenant_id, client_id, title, starts_at, attendees) VALUES (@tenantId, @ClientId, @Title, @StartsAt, @Attendees) RETURNING {Columns}",
            new { tenantId, newEvent.ClientId, newEvent.Title, newEvent.StartsAt, newEvent.Attendees }, session.Transaction, cancellationToken: ct));
}
