namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// One script as <c>dotnet ef migrations script</c> writes it: the history table, then each migration in a
/// START TRANSACTION … COMMIT block with its <c>__EFMigrationsHistory</c> insert. It runs as it is, as one file.
/// </summary>
internal static class EfScriptLayout
{
    /// <summary>The table every EF Core migrations script creates and inserts into.</summary>
    public const string HistoryTable = "__EFMigrationsHistory";

    public static LayoutFiles Read(MigrationSource source)
    {
        if (source.TopLevel.Count > 1)
        {
            throw new HarnessException($"{source.Folder}: the ef-script layout is one script, but the folder holds " +
                                       $"{source.TopLevel.Count} .sql files. Pass the script itself (--migrations {Path.Combine(source.Folder, source.TopLevel[0])}), " +
                                       "or another --layout.");
        }

        return new LayoutFiles(source.TopLevel.Select(source.File).ToList(), LayoutFiles.SubfoldersNotRead(source).ToList());
    }
}
