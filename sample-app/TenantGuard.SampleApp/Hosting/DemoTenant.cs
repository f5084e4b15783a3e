namespace TenantGuard.SampleApp.Hosting;

/// <summary>A demo tenant: how to reach it through the API.</summary>
public sealed record DemoTenant(Guid Id, string Slug, string Name, string ApiKey);
