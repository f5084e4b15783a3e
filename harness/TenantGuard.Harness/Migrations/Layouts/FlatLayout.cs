namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>Every .sql file of the folder itself, by file name (ordinal: 010 follows 009, V10 precedes V2).</summary>
internal static class FlatLayout
{
    public static LayoutFiles Read(MigrationSource source) =>
        new(source.TopLevel.Select(source.File).ToList(), LayoutFiles.SubfoldersNotRead(source).ToList());
}
