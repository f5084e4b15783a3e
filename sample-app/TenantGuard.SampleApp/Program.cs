using TenantGuard.Harness;
using TenantGuard.SampleApp;
using TenantGuard.SampleApp.Hosting;

// dotnet run --project sample-app/TenantGuard.SampleApp -- --embedded
//   starts a throwaway PostgreSQL, migrates it, adds the demo tenants and serves the API on 127.0.0.1:5080.
// Without --embedded the app connects with ConnectionStrings:App (as the application role).
try
{
    var embedded = args.Contains("--embedded");
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Where(a => a != "--embedded").ToArray()).Build();
    await using var database = embedded ? await EmbeddedDatabase.StartAsync(new Progress<string>(line => Console.Error.WriteLine(line))) : null;
    var connectionString = database?.Database.AppConnectionString ?? configuration.GetConnectionString("App")
        ?? throw new HarnessException("No database: run with --embedded, or give the application role's connection string as --ConnectionStrings:App \"Host=…;Username=app_user;…\".");
    var options = new SampleAppOptions
    {
        ConnectionString = connectionString,
        Url = configuration["Url"] ?? "http://127.0.0.1:5080",
        AllowTenantHeader = embedded || string.Equals(configuration["AllowTenantHeader"], "true", StringComparison.OrdinalIgnoreCase),
    };
    await using var app = SampleApplication.Build(options);
    await app.StartAsync();
    Console.WriteLine($"TenantGuard sample app on {string.Join(", ", app.Urls)}");
    foreach (var tenant in embedded ? DemoData.Tenants : [])
    {
        Console.WriteLine($"  {tenant.Slug,-8} X-Api-Key: {tenant.ApiKey}   or Host: {tenant.Slug}.localhost   or X-Tenant-ID: {tenant.Id}");
    }

    Console.WriteLine($"  try: curl -H 'X-Api-Key: {DemoData.Tenants[0].ApiKey}' {app.Urls.First()}/api/clients");
    await app.WaitForShutdownAsync();
    return 0;
}
catch (HarnessException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // One line, not a stack trace: the port is taken, which is not a bug of the app.
    Console.Error.WriteLine($"{e.Message.TrimEnd('.')}: stop what listens there, or choose another with --Url http://127.0.0.1:5081");
    return 2;
}
