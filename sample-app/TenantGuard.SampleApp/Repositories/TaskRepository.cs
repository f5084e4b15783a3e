using Dapper;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Repositories;

/// <summary>Tasks of one tenant's events.</summary>
public sealed class TaskRepository(TenantSession session)
{
    private const string Columns =
        "tenant_id AS TenantId, id AS Id, event_id AS EventId, assignee_id AS AssigneeId, title AS Title, done AS Done, due_on AS DueOn";

    public async Task<IReadOnlyList<TaskItem>> ListAsync(Guid tenantId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<TaskItem>(new CommandDefinition(
            $"SELECT {Columns} FROM tasks WHERE tenant_id = @tenantId ORDER BY due_on NULLS LAST, title", new { tenantId }, session.Transaction, cancellationToken: ct))).AsList();

    public Task<TaskItem?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<TaskItem>(new CommandDefinition(
            $"SELECT {Columns} FROM tasks WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, session.Transaction, cancellationToken: ct));

    public Task<TaskItem> CreateAsync(Guid tenantId, NewTask task, CancellationToken ct) =>
        session.Connection.QuerySingleAsync<TaskItem>(new CommandDefinition(
            $"INSERT INTO tasks (tenant_id, event_id, title, due_on) VALUES (@tenantId, @EventId, @Title, @DueOn) RETURNING {Columns}",
            new { tenantId, task.EventId, task.Title, task.DueOn }, session.Transaction, cancellationToken: ct));
}
