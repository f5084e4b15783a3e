using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Repositories;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Endpoints;

/// <summary>The HTTP API. Every handler takes the tenant from the request's <see cref="ITenantContext"/> and passes it
/// to the repository; another tenant's id answers 404, exactly like an id that does not exist. Each endpoint is named:
/// the name is its operationId in the OpenAPI document at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapOpenApi();

        var api = app.MapGroup("/api").AddEndpointFilter<DatabaseErrorFilter>();

        api.MapGet("/clients", async (ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
            Results.Ok(await clients.ListAsync(tenant.TenantId, ct))).WithName("ListClients");
        api.MapGet("/clients/{id:guid}", async (Guid id, ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
            await clients.GetAsync(tenant.TenantId, id, ct) is { } client ? Results.Ok(client) : Results.NotFound()).WithName("GetClient");
        api.MapPost("/clients", async (NewClient body, ITenantContext tenant, ClientRepository clients, CancellationToken ct) =>
        {
            var client = await clients.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/clients/{client.Id}", client);
        }).WithName("CreateClient");

        api.MapGet("/events", async (ITenantContext tenant, EventRepository events, CancellationToken ct) =>
            Results.Ok(await events.ListAsync(tenant.TenantId, ct))).WithName("ListEvents");
        api.MapGet("/events/{id:guid}", async (Guid id, ITenantContext tenant, EventRepository events, CancellationToken ct) =>
            await events.GetAsync(tenant.TenantId, id, ct) is { } found ? Results.Ok(found) : Results.NotFound()).WithName("GetEvent");
        api.MapPost("/events", async (NewEvent body, ITenantContext tenant, EventRepository events, CancellationToken ct) =>
        {
            var created = await events.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/events/{created.Id}", created);
        }).WithName("CreateEvent");

        api.MapGet("/tasks", async (ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
            Results.Ok(await tasks.ListAsync(tenant.TenantId, ct))).WithName("ListTasks");
        api.MapGet("/tasks/{id:guid}", async (Guid id, ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
            await tasks.GetAsync(tenant.TenantId, id, ct) is { } task ? Results.Ok(task) : Results.NotFound()).WithName("GetTask");
        api.MapPost("/tasks", async (NewTask body, ITenantContext tenant, TaskRepository tasks, CancellationToken ct) =>
        {
            var created = await tasks.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/tasks/{created.Id}", created);
        }).WithName("CreateTask");

        api.MapGet("/documents", async (ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            Results.Ok(await documents.ListAsync(tenant.TenantId, ct))).WithName("ListDocuments");
        api.MapGet("/documents/{id:guid}", async (Guid id, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            await documents.GetAsync(tenant.TenantId, id, ct) is { } document ? Results.Ok(document) : Results.NotFound()).WithName("GetDocument");
        api.MapPost("/documents", async (NewDocument body, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
        {
            var created = await documents.CreateAsync(tenant.TenantId, body, ct);
            return Results.Created($"/api/documents/{created.Id}", created);
        }).WithName("CreateDocument");
        api.MapPut("/documents/{id:guid}", async (Guid id, DocumentChanges body, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            await documents.UpdateAsync(tenant.TenantId, id, body, ct) is { } updated ? Results.Ok(updated) : Results.NotFound()).WithName("UpdateDocument");
        api.MapDelete("/documents/{id:guid}", async (Guid id, ITenantContext tenant, IDocumentRepository documents, CancellationToken ct) =>
            await documents.DeleteAsync(tenant.TenantId, id, ct) ? Results.NoContent() : Results.NotFound()).WithName("DeleteDocument");

        api.MapGet("/shared-resources", async (ITenantContext tenant, SharedResourceRepository resources, CancellationToken ct) =>
            Results.Ok(await resources.ListAsync(tenant.TenantId, ct))).WithName("ListSharedResources");
        api.MapGet("/shared-resources/{id:guid}", async (Guid id, ITenantContext tenant, SharedResourceRepository resources, CancellationToken ct) =>
            await resources.GetAsync(tenant.TenantId, id, ct) is { } resource ? Results.Ok(resource) : Results.NotFound()).WithName("GetSharedResource");
    }
}
