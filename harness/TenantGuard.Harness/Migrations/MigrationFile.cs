namespace TenantGuard.Harness.Migrations;

/// <summary>One migration: its path, the name used in messages, and its text.</summary>
internal sealed record MigrationFile(string FullPath, string DisplayPath, string Text);

/// <summary>Reads a migrations folder: every <c>*.sql</c> file, ordered by file name (ordinal, so 010 follows 009).</summary>
internal static class MigrationFolder
{
    public static IReadOnlyList<MigrationFile> Load(string folder)
    {
        var fullFolder = Path.GetFullPath(folder);
        if (!Directory.Exists(fullFolder))
        {
            throw new HarnessException($"The migrations folder {folder} does not exist ({fullFolder}). Pass the folder that " +
                                       "holds your .sql migrations (--migrations DIR).");
        }

        string[] paths;
        try
        {
            paths = Directory.GetFiles(fullFolder, "*.sql", SearchOption.TopDirectoryOnly);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new HarnessException($"The migrations folder {folder} cannot be read: {e.Message}", e);
        }

        if (paths.Length == 0)
        {
            throw new HarnessException($"The migrations folder {folder} holds no .sql files. TenantGuard applies every " +
                                       "*.sql file in it, ordered by file name.");
        }

        Array.Sort(paths, (a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
        return paths.Select(Read).ToList();
    }

    private static MigrationFile Read(string path)
    {
        var display = DisplayPath(path);
        try
        {
            return new MigrationFile(path, display, File.ReadAllText(path));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new HarnessException($"{display}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Relative to the current directory when below it (as the user typed it), else the full path.</summary>
    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
