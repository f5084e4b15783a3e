using Dapper;
using Npgsql;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Hosting;

/// <summary>
/// Two demo tenants with clients, events, tasks, documents and shared resources, written as the owner role. The
/// tables FORCE row-level security, so even the owner sets the tenant (transaction-local) before writing its rows.
/// </summary>
public static class DemoData
{
    public static readonly IReadOnlyList<DemoTenant> Tenants =
    [
        new(Guid.Parse("a11ce000-0000-4000-8000-000000000001"), "acme", "Acme Events", "tg_demo_acme_7f3c2b91d4e5"),
        new(Guid.Parse("b0b00000-0000-4000-8000-000000000002"), "globex", "Globex Venues", "tg_demo_globex_5a8e1c6f02b7"),
    ];

    public static async Task SeedAsync(NpgsqlDataSource owner, CancellationToken ct = default)
    {
        await using var connection = await owner.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var tenant in Tenants)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO tenants (id, slug, name, api_key_hash) VALUES (@Id, @Slug, @Name, @hash)",
                new { tenant.Id, tenant.Slug, tenant.Name, hash = ApiKeyHash.Of(tenant.ApiKey) }, transaction, cancellationToken: ct));
        }

        foreach (var tenant in Tenants)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT set_config('app.current_tenant', @tenant, true)", new { tenant = tenant.Id.ToString() }, transaction, cancellationToken: ct));
            await SeedTenantAsync(connection, transaction, tenant, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task SeedTenantAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoTenant tenant, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        var user = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "INSERT INTO users (tenant_id, email, display_name, is_admin) VALUES (@tenantId, @email, @name, true) RETURNING id",
            new { tenantId, email = $"owner@{tenant.Slug}.example", name = $"{tenant.Name} owner" }, transaction, cancellationToken: ct));
        for (var c = 1; c <= 2; c++)
        {
            var client = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                "INSERT INTO clients (tenant_id, name, email) VALUES (@tenantId, @name, @email) RETURNING id",
                new { tenantId, name = $"{tenant.Name} client {c}", email = $"client{c}@{tenant.Slug}.example" }, transaction, cancellationToken: ct));
            var eventId = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                "INSERT INTO events (tenant_id, client_id, title, starts_at, attendees, status) VALUES (@tenantId, @client, @title, now() + interval '14 days', 40, 'confirmed') RETURNING id",
                new { tenantId, client, title = $"Kick-off for client {c}" }, transaction, cancellationToken: ct));
            var task = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                "INSERT INTO tasks (tenant_id, event_id, assignee_id, title, due_on) VALUES (@tenantId, @eventId, @user, 'Book the room', current_date + 7) RETURNING id",
                new { tenantId, eventId, user }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO task_comments (tenant_id, task_id, body) VALUES (@tenantId, @task, 'Room for 40 confirmed')",
                new { tenantId, task }, transaction, cancellationToken: ct));
            var document = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                "INSERT INTO documents (tenant_id, client_id, title, body) VALUES (@tenantId, @client, @title, 'Terms agreed on the phone.') RETURNING id",
                new { tenantId, client, title = $"Contract for client {c}" }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO document_versions (tenant_id, document_id, version, body) VALUES (@tenantId, @document, 1, 'First draft')",
                new { tenantId, document }, transaction, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tags (tenant_id, name) VALUES (@tenantId, 'priority')", new { tenantId }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO shared_resources (tenant_id, name, content, sharing_mode) VALUES (@tenantId, @name, 'Only we see this', 'private')",
            new { tenantId, name = $"{tenant.Name} internal checklist" }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (tenant_id, action) VALUES (@tenantId, 'demo data created')", new { tenantId }, transaction, cancellationToken: ct));
    }
}
