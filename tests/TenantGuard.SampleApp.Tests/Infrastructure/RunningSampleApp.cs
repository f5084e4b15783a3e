using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.SampleApp.Hosting;

namespace TenantGuard.SampleApp.Tests.Infrastructure;

/// <summary>The sample app served by a real Kestrel on a free 127.0.0.1 port, over a database holding the demo
/// tenants; stopped on dispose.</summary>
public sealed class RunningSampleApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSampleApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <param name="configureServices">Replaces parts of the app (broken variants only).</param>
    public static async Task<RunningSampleApp> StartAsync(TenantDatabase database, Action<IServiceCollection>? configureServices = null)
    {
        await DemoData.SeedAsync(database.OwnerDataSource);
        var options = new SampleAppOptions { ConnectionString = database.AppConnectionString, Url = "http://127.0.0.1:0", AllowTenantHeader = true };
        var app = SampleApplication.Build(options, configureServices);
        await app.StartAsync();
        return new RunningSampleApp(app, new Uri(app.Urls.First()));
    }

    /// <summary>The HTTP attack's input for the demo tenants: acme attacks globex, resources found in the app's
    /// OpenAPI document.</summary>
    public static HttpAttackConfig AttackConfig => new()
    {
        Tenants = Tenants,
        Openapi = "/openapi/v1.json",
    };

    /// <summary>The same attack with the endpoints written by hand (reads only), the fallback without OpenAPI.</summary>
    public static HttpAttackConfig HandWrittenAttackConfig => new()
    {
        Tenants = Tenants,
        Endpoints =
        [
            new("clients", "/api/clients", "/api/clients/{id}"),
            new("events", "/api/events", "/api/events/{id}"),
            new("tasks", "/api/tasks", "/api/tasks/{id}"),
            new("documents", "/api/documents", "/api/documents/{id}"),
            new("shared-resources", "/api/shared-resources", "/api/shared-resources/{id}"),
        ],
    };

    private static List<HttpTenant> Tenants => DemoData.Tenants.Select(t => new HttpTenant(t.Slug, t.ApiKey, t.Slug, t.Id.ToString())).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
