namespace TenantGuard.SampleApp.Domain;

// What the API returns and accepts. Every record carries its tenant so clients (and the isolation suite) can see
// whose data they got.

public sealed record Client(Guid TenantId, Guid Id, string Name, string? Email, DateTime CreatedAt);

public sealed record NewClient(string Name, string? Email);

public sealed record Event(Guid TenantId, Guid Id, Guid ClientId, string Title, DateTime StartsAt, int Attendees, string Status);

public sealed record NewEvent(Guid ClientId, string Title, DateTime StartsAt, int Attendees);

public sealed record TaskItem(Guid TenantId, Guid Id, Guid EventId, Guid? AssigneeId, string Title, bool Done, DateOnly? DueOn);

public sealed record NewTask(Guid EventId, string Title, DateOnly? DueOn);

public sealed record Document(Guid TenantId, Guid Id, Guid ClientId, string Title, string Body, DateTime CreatedAt);

/// <param name="TenantId">Clients that copy a document between screens send its tenantId back. The API accepts the
/// field and never uses it: a document always belongs to the request's tenant.</param>
public sealed record NewDocument(Guid ClientId, string Title, string Body, Guid? TenantId = null);

public sealed record DocumentChanges(string Title, string Body);

public sealed record SharedResource(Guid TenantId, Guid Id, string Name, string Content, string SharingMode);
