namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>What a layout reads from a folder: the migrations in the order the tool applies them, and what it leaves out.</summary>
internal sealed record LayoutFiles(IReadOnlyList<MigrationFile> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>"not run: a.sql, b.sql" naming a few files, then a count, so a long list stays one line.</summary>
    public static string Naming(string what, IReadOnlyCollection<string> names)
    {
        const int shown = 3;
        var listed = string.Join(", ", names.Take(shown));
        return names.Count <= shown ? $"{what}: {listed}" : $"{what}: {listed} and {names.Count - shown} more";
    }

    /// <summary>The note for .sql files in subfolders a top-level-only layout does not read.</summary>
    public static IEnumerable<string> SubfoldersNotRead(MigrationSource source) =>
        source.Nested.Count == 0 ? [] : [Naming("in subfolders, not run", source.Nested)];
}
