namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// Prisma Migrate: one folder per migration (<c>20240101120000_init/migration.sql</c>), applied in folder-name order.
/// <c>migration_lock.toml</c> and other files are not migrations. A migration folder without its migration.sql is
/// refused, as Prisma refuses it.
/// </summary>
internal static class PrismaLayout
{
    public const string FileName = "migration.sql";

    /// <summary>The migration.sql of a subfolder, if it has one (any case of the name).</summary>
    public static string? MigrationOf(MigrationSource source, string subfolder) =>
        source.Nested.FirstOrDefault(p => string.Equals(p, $"{subfolder}/{FileName}", StringComparison.OrdinalIgnoreCase));

    public static LayoutFiles Read(MigrationSource source)
    {
        var files = new List<MigrationFile>();
        foreach (var subfolder in source.Subfolders)
        {
            var migration = MigrationOf(source, subfolder)
                ?? throw new HarnessException(
                    $"{MigrationPaths.Display(Path.Combine(source.FullFolder, subfolder))}: a Prisma migration folder without {FileName}; " +
                    $"Prisma refuses to migrate with it. Restore its {FileName} or delete the folder.");
            files.Add(source.File(migration));
        }

        var others = source.AllSql.Except(files.Select(f => f.Name), StringComparer.Ordinal).ToList();
        return new LayoutFiles(files, others.Count == 0 ? [] : [LayoutFiles.Naming($"not {FileName}, not run", others)]);
    }
}
