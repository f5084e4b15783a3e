using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Setup;

/// <summary>
/// Reads a project's migrations the way <c>check</c> will: the layout detected by the loader, the migrations applied
/// on a throwaway server, then the tenant column from the tables, and the app role and tenant setting with the
/// harness's own resolution for that column, on one migrated copy. Nothing is guessed: an answer that cannot be chosen comes back empty,
/// with its candidates.
/// </summary>
public static class ProjectSetupDetector
{
    private const string ColumnsSql = """
        SELECT array_agg(a.attname::text ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
        GROUP BY c.oid
        """;

    public static async Task<ProjectSetup> DetectAsync(string migrations, Action<PostgresServerBuilder>? server = null,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        // The folder and its layout first: an unreadable folder fails before a server starts.
        var loaded = MigrationLoader.Load(migrations, layout: null);
        var builder = new PostgresServerBuilder();
        if (progress is not null)
            builder.WithProgress(progress);
        server?.Invoke(builder);
        await using var started = await builder.StartAsync(ct).ConfigureAwait(false);

        var template = new TenantDatabaseBuilder(started).WithMigrations(loaded);
        if (progress is not null)
            template.WithProgress(progress);
        await using var built = await template.BuildTemplateAsync(ct).ConfigureAwait(false);
        await using var database = await built.CreateDatabaseAsync(ct).ConfigureAwait(false);
        var connection = new NpgsqlConnectionStringBuilder(database.AdminConnectionString) { Pooling = false };

        // The app role and the setting depend on the column, so both are resolved again for the one found.
        var column = TenantColumnDetection.From(await ReadColumnsAsync(connection.ConnectionString, ct).ConfigureAwait(false));
        var tenantColumn = column.Column ?? built.TenantColumn;
        var appRole = await AppRoleResolver.ResolveAsync(started.AdminDataSource, connection.ConnectionString,
            new AppRoleResolver.Request(null, tenantColumn, [], built.OwnerRole, connection.Username!, MigrationRolePlan.Read(loaded.Files)),
            ct).ConfigureAwait(false);
        var setting = await TenantSettingDetector.DetectAsync(connection.ConnectionString, tenantColumn, ct).ConfigureAwait(false);
        return new ProjectSetup(loaded.Layout.Name(), loaded.Why, loaded.Files.Count, column,
            AppRoleOf(appRole), TenantSettingOf(setting, tenantColumn));
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string>>> ReadColumnsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ColumnsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var tables = new List<IReadOnlyList<string>>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            tables.Add(reader.GetFieldValue<string[]>(0));
        return tables;
    }

    private static SetupAnswer AppRoleOf(AppRoleResolution resolution) =>
        resolution.Role is { } role
            ? new SetupAnswer(role, resolution.Origin, [role])
            : new SetupAnswer(null, resolution.Problem!, resolution.Candidates);

    private static SetupAnswer TenantSettingOf(TenantSettingDetector.Detection detection, string tenantColumn)
    {
        var candidates = detection.Candidates;
        var counts = string.Join(", ", candidates.Select(c => $"{c.Key} ({c.Value} polic{(c.Value == 1 ? "y" : "ies")})"));
        var reason = detection.Setting switch
        {
            null => $"no policy compares a setting with {tenantColumn}, so the attacks use their default; pass --tenant-setting once the policies read one",
            var setting when candidates.Count > 1 => $"{setting}: the policies compare {tenantColumn} with several settings ({counts}); the one most policies use",
            var setting => $"{setting}: the setting the policies compare {tenantColumn} with ({counts})",
        };
        return new SetupAnswer(detection.Setting, reason, [.. candidates.Keys]);
    }
}
