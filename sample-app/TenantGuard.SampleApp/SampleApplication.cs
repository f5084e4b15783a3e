using Npgsql;
using TenantGuard.SampleApp.Endpoints;
using TenantGuard.SampleApp.Repositories;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp;

/// <summary>Builds the web application: Kestrel on 127.0.0.1, Npgsql as the application role, tenant resolution and a
/// per-request tenant transaction in front of every /api endpoint.</summary>
public static class SampleApplication
{
    /// <param name="configureServices">Runs after the app's own registrations, so a caller can replace one (the
    /// isolation suite swaps in deliberately broken parts to prove it catches them).</param>
    public static WebApplication Build(SampleAppOptions options, Action<IServiceCollection>? configureServices = null, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed start (a busy port) is reported once by Program, in one line; the host would log it again with a
        // stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString));
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddSingleton<ITenantResolver, TenantResolver>();
        builder.Services.AddSingleton<ITenantConnectionScope, TransactionLocalTenantScope>();
        builder.Services.AddScoped<TenantSession>();
        builder.Services.AddScoped<ITenantContext>(services => services.GetRequiredService<TenantSession>());
        builder.Services.AddScoped<ClientRepository>();
        builder.Services.AddScoped<EventRepository>();
        builder.Services.AddScoped<TaskRepository>();
        builder.Services.AddScoped<IDocumentRepository, DocumentRepository>();
        builder.Services.AddScoped<SharedResourceRepository>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<TenantMiddleware>();
        app.MapApi();
        return app;
    }
}
