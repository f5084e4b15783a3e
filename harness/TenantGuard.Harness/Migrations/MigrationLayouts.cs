namespace TenantGuard.Harness.Migrations;

/// <summary>The names of the layouts on the command line (<c>--layout golang-migrate</c>) and in messages.</summary>
public static class MigrationLayouts
{
    private static readonly (MigrationLayout Layout, string Name)[] All =
    [
        (MigrationLayout.Flat, "flat"),
        (MigrationLayout.Recursive, "recursive"),
        (MigrationLayout.Prisma, "prisma"),
        (MigrationLayout.Dbmate, "dbmate"),
        (MigrationLayout.GolangMigrate, "golang-migrate"),
        (MigrationLayout.Flyway, "flyway"),
        (MigrationLayout.EfScript, "ef-script"),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(l => l.Name).ToList();

    public static string Name(this MigrationLayout layout) =>
        All.Single(l => l.Layout == layout).Name;

    /// <summary>Case-insensitive, so <c>--layout Flyway</c> works; only the names in <see cref="Names"/> are accepted.</summary>
    public static bool TryParse(string? name, out MigrationLayout layout)
    {
        foreach (var (candidate, candidateName) in All)
        {
            if (string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
            {
                layout = candidate;
                return true;
            }
        }

        layout = default;
        return false;
    }
}
