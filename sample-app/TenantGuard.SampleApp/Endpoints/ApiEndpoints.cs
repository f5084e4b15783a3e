using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Repositories;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Endpoints;

/// <summary>The HTTP API. Every handler takes the tenant from the request's <see cref="ITenantContext"/> and passes it
/// to the repository; another tenant's id answers 404, exactly like an id that does not exist.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        var api = app.MapGroup("/api").AddEndpointFilter<DatabaseErrorFilter>();

        api.MapGet("/clients", async (ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
            Results.Ok(await clients.ListAsync(tenant.TenantId, ct)));
        api.MapGet("/clients/{id:guid}", async (Guid id, ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
            await clients.GetAsync(tenant.TenantId, id, ct) is { } client ? Results.Ok(client) : Results.NotFound());
        api.MapPost("/clients", async (NewClient body, ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
        {
            var client = await clients.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/clients/{client.Id}", client);
        });

        api.MapGet("/events", async (ITenantContext tenant, EventRepository events, CancellationToken ct) =>
            Results.Ok(await events.ListAsync(tenant.TenantId, ct)));
        api.MapGet("/events/{id:guid}", async (Guid id, ITenantContext tenant, EventRepository events, CancellationToken ct) =>
            await events.GetAsync(tenant.TenantId, id, ct) is { } found ? Results.Ok(found) : Results.NotFound());
        api.MapPost("/events", async (NewEvent body, ITenantContext tenant, EventRepository events, CancellationToken ct) =>
        {
            var created = await events.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/events/{created.Id}", created);
        });

        api.MapGet("/tasks", async (ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
            Results.Ok(await tasks.ListAsync(tenant.TenantId, ct)));
        api.MapGet("/tasks/{id:guid}", async (Guid id, ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
            await tasks.GetAsync(tenant.TenantId, id, ct) is { } task ? Results.Ok(task) : Results.NotFound());
        api.MapPost("/tasks", async (NewTask body, ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
        {
            var created = await tasks.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/tasks/{created.Id}", created);
        });

        api.MapGet("/documents", async (ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            Results.Ok(await documents.ListAsync(tenant.TenantId, ct)));
        api.MapGet("/documents/{id:guid}", async (Guid id, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            await documents.GetAsync(tenant.TenantId, id, ct) is { } document ? Results.Ok(document) : Results.NotFound());
        api.MapPost("/documents", async (NewDocument body, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
        {
            var created = await documents.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/documents/{created.Id}", created);
        });

        api.MapGet("/shared-resources", async (ITenantContext tenant, SharedResourceRepository resources, CancellationToken ct) =>
            Results.Ok(await resources.ListAsync(tenant.TenantId, ct)));
        api.MapGet("/shared-resources/{id:guid}", async (Guid id, ITenantContext tenant, SharedResourceRepository resources, CancellationToken ct) =>
            await resources.GetAsync(tenant.TenantId, id, ct) is { } resource ? Results.Ok(resource) : Results.NotFound());
    }
}
