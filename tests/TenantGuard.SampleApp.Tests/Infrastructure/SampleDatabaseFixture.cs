using System.Collections.Concurrent;
using TenantGuard.Harness;
using TenantGuard.Harness.Server;
using TenantGuard.SampleApp.Tests.Variants;

namespace TenantGuard.SampleApp.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the test run, started through the harness, and one migrated template per migration set
/// (the sample app's migrations, or those plus one variant's break file). Each test gets a fresh database cloned from
/// a template.
/// </summary>
public sealed class SampleDatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantDatabaseTemplate>>> _templates = new();
    private readonly List<string> _folders = [];
    private readonly ConcurrentDictionary<string, VariantResult> _variantResults = new();
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The sample app's migrations as built next to the test binaries.</summary>
    public static string MigrationsFolder => Path.Combine(AppContext.BaseDirectory, "migrations");

    /// <summary>A new database migrated with the sample app's migrations plus, when given, one break file.</summary>
    /// <param name="appRole">The application role, when not app_user.</param>
    /// <param name="asSuperuser">Run the migrations as the superuser (breaks that need it).</param>
    public async Task<TenantDatabase> CreateDatabaseAsync(string? breakName = null, string? breakSql = null, string? appRole = null, bool asSuperuser = false)
    {
        var key = breakName ?? "(correct)";
        var template = await _templates.GetOrAdd(key, _ => new Lazy<Task<TenantDatabaseTemplate>>(() => BuildTemplateAsync(breakName, breakSql, appRole, asSuperuser))).Value;
        return await template.CreateDatabaseAsync();
    }

    private async Task<TenantDatabaseTemplate> BuildTemplateAsync(string? breakName, string? breakSql, string? appRole, bool asSuperuser)
    {
        var folder = MigrationsFolder;
        if (breakName is not null)
        {
            folder = Directory.CreateTempSubdirectory("tenantguard-variant-").FullName;
            lock (_folders)
            {
                _folders.Add(folder);
            }

            foreach (var file in Directory.GetFiles(MigrationsFolder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            // 900_ sorts after every migration of the app: the break is applied to the finished schema.
            await File.WriteAllTextAsync(Path.Combine(folder, $"900_break_{breakName}.sql"), breakSql);
        }

        var builder = new TenantDatabaseBuilder(Server).WithMigrations(folder).WithMigrationsAsSuperuser(asSuperuser);
        if (appRole is not null)
        {
            builder.WithAppRole(appRole);
        }

        return await builder.BuildTemplateAsync();
    }

    /// <summary>Keeps a variant's outcome for the table written when the run ends.</summary>
    public void Record(VariantResult result) => _variantResults[result.Variant.Name] = result;

    public async Task InitializeAsync()
    {
        _server = await new PostgresServerBuilder().StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var template in _templates.Values.Where(t => t.IsValueCreated))
        {
            try
            {
                await (await template.Value).DisposeAsync();
            }
            catch (HarnessException)
            {
                // A template that failed to build has nothing to drop.
            }
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("TENANTGUARD_VARIANTS_TABLE") is { Length: > 0 } path && !_variantResults.IsEmpty)
        {
            await File.WriteAllTextAsync(path, VariantTable.Markdown(_variantResults.Values));
        }
    }
}

[CollectionDefinition("sample-app")]
public sealed class SampleAppCollection : ICollectionFixture<SampleDatabaseFixture>;
