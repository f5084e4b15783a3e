namespace TenantGuard.Harness.Server;

/// <summary>
/// One cached cluster, <c>initdb-cache/&lt;key&gt;/</c>: <c>data/</c> as initdb left it, <c>superuser.password</c> (mode
/// 0600, owned by the server's OS user) and <c>complete</c>, written last, naming the build. A tmp cleaner or a full
/// disk can damage an entry after the fact, so it is checked before every copy.
/// </summary>
internal sealed class InitdbCacheEntry
{
    private const string MarkerFileName = "complete";

    /// <summary>Files a cluster cannot start without; a cleaner that removed any of them leaves a broken entry.</summary>
    private static readonly string[] RequiredDataFiles =
        ["PG_VERSION", System.IO.Path.Combine("global", "pg_control"), "postgresql.conf", "pg_hba.conf"];

    private InitdbCacheEntry(string path, string? buildId, string? superuserPassword)
    {
        Path = path;
        BuildId = buildId;
        SuperuserPassword = superuserPassword;
    }

    public string Path { get; }

    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    public string PasswordFile => System.IO.Path.Combine(Path, "superuser.password");

    private string MarkerFile => System.IO.Path.Combine(Path, MarkerFileName);

    /// <summary>Names one build of the entry, so a run that found it damaged can tell whether another run has rebuilt it since.</summary>
    public string? BuildId { get; }

    /// <summary>The password initdb gave the superuser; null when the entry is not complete.</summary>
    public string? SuperuserPassword { get; }

    /// <summary>True when the marker, the password and every file a cluster needs to start are there.</summary>
    public bool IsComplete => BuildId is not null && SuperuserPassword is not null;

    /// <summary>The paths of an entry being built; not complete.</summary>
    public static InitdbCacheEntry At(string path) => new(path, null, null);

    /// <summary>Reads the entry at <paramref name="path"/>; an entry that is missing or damaged comes back not complete.</summary>
    public static InitdbCacheEntry Read(string path)
    {
        var entry = At(path);
        if (!RequiredDataFiles.All(file => File.Exists(System.IO.Path.Combine(entry.DataDirectory, file))))
        {
            return entry;
        }

        var buildId = ReadFirstLine(entry.MarkerFile);
        var password = ReadFirstLine(entry.PasswordFile);
        return buildId is null || password is null ? entry : new InitdbCacheEntry(path, buildId, password);
    }

    /// <summary>Written last, once initdb has succeeded: an entry without it was never finished.</summary>
    public void MarkComplete() => File.WriteAllText(MarkerFile, Guid.NewGuid().ToString("N") + "\n");

    private static string? ReadFirstLine(string path)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(line) ? null : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
