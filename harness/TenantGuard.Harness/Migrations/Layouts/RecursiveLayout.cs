namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>Every .sql file of the folder and its subfolders, by '/'-separated relative path (ordinal).</summary>
internal static class RecursiveLayout
{
    public static LayoutFiles Read(MigrationSource source) =>
        new(source.AllSql.Order(StringComparer.Ordinal).Select(source.File).ToList(), []);
}
