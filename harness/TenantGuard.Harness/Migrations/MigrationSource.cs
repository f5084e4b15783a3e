namespace TenantGuard.Harness.Migrations;

/// <summary>
/// What a migrations folder holds: its <c>.sql</c> files (any case of the extension), at the top and in subfolders,
/// listed once; each file's text is read once, when a layout needs it.
/// </summary>
internal sealed class MigrationSource
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private MigrationSource(string folder, string fullFolder, IReadOnlyList<string> topLevel, IReadOnlyList<string> nested,
        IReadOnlyList<string> subfolders, bool isSingleFile = false)
    {
        Folder = folder;
        FullFolder = fullFolder;
        TopLevel = topLevel;
        Nested = nested;
        Subfolders = subfolders;
        IsSingleFile = isSingleFile;
    }

    /// <summary>The folder as the user gave it, for messages.</summary>
    public string Folder { get; }

    public string FullFolder { get; }

    /// <summary>The folder's own .sql files, by name (ordinal).</summary>
    public IReadOnlyList<string> TopLevel { get; }

    /// <summary>.sql files in subfolders, at any depth, as '/'-separated paths (ordinal).</summary>
    public IReadOnlyList<string> Nested { get; }

    /// <summary>The folder's direct subfolders, by name (ordinal).</summary>
    public IReadOnlyList<string> Subfolders { get; }

    /// <summary>True when the user named one file rather than a folder: that file is the whole source.</summary>
    public bool IsSingleFile { get; }

    public IEnumerable<string> AllSql => TopLevel.Concat(Nested);

    public static MigrationSource List(string folder, string fullFolder)
    {
        // Hidden entries (.git, editor backups) are skipped, as the default enumeration options do.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false };
        try
        {
            var sql = Directory.EnumerateFiles(fullFolder, "*", options)
                .Where(IsSql)
                .Select(path => Path.GetRelativePath(fullFolder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var subfolders = Directory.EnumerateDirectories(fullFolder, "*", new EnumerationOptions())
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
            return new MigrationSource(folder, fullFolder, sql.Where(p => !p.Contains('/')).ToList(),
                sql.Where(p => p.Contains('/')).ToList(), subfolders);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new HarnessException($"The migrations folder {folder} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>One script file named on its own (an EF Core script): the source is that file alone, whatever its name.</summary>
    public static MigrationSource ForFile(string file, string fullFile) =>
        new(Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".", Path.GetDirectoryName(fullFile)!,
            [Path.GetFileName(fullFile)], [], [], isSingleFile: true);

    /// <summary>.sql, .SQL, .Sql: the extension's case does not matter (files made on Windows or macOS).</summary>
    public static bool IsSql(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name of a '/'-separated path inside the folder.</summary>
    public static string FileNameOf(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary>The text of a file of this folder (strict UTF-8), read once.</summary>
    public string Text(string name)
    {
        if (!_texts.TryGetValue(name, out var text))
        {
            text = Utf8MigrationText.Read(FullPath(name), DisplayPath(name));
            _texts[name] = text;
        }

        return text;
    }

    /// <summary>The whole file as one migration.</summary>
    public MigrationFile File(string name) => new(FullPath(name), DisplayPath(name), name, Text(name));

    public string FullPath(string name) => Path.Combine(FullFolder, name.Replace('/', Path.DirectorySeparatorChar));

    public string DisplayPath(string name) => MigrationPaths.Display(FullPath(name));
}
