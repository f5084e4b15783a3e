using TenantGuard.Harness;
using TenantGuard.Harness.Server;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// Migrates the six mode schemas once into a template database through the harness (owner role runs the
/// migrations, the application role is NOSUPERUSER NOBYPASSRLS), so each table size gets a fresh copy.
/// </summary>
internal static class RlsTemplate
{
    public static async Task<TenantDatabaseTemplate> BuildAsync(PostgresServer server, IProgress<string> progress, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tenantguard-bench-migrations-");
        try
        {
            var number = 1;
            foreach (var mode in RlsModes.All)
            {
                var file = Path.Combine(folder.FullName, $"{number++:000}_{mode.Schema()}.sql");
                await File.WriteAllTextAsync(file, RlsSqlTemplates.ModeSchema(mode), ct);
            }

            return await new TenantDatabaseBuilder(server)
                .WithMigrations(folder.FullName)
                .WithTenantSetting(RlsSqlTemplates.TenantSetting)
                // The schemas grant to it only once the data is loaded (mode-indexes.sql), so it is named, not inferred.
                .WithAppRole("app_user")
                .WithProgress(progress)
                .BuildTemplateAsync(ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
