namespace TenantGuard.Harness.Migrations.Layouts;

internal enum FlywayKind
{
    /// <summary><c>V&lt;version&gt;__&lt;description&gt;.sql</c>: applied once, by version.</summary>
    Versioned,

    /// <summary><c>U&lt;version&gt;__&lt;description&gt;.sql</c>: undoes a version; never applied here.</summary>
    Undo,

    /// <summary><c>R__&lt;description&gt;.sql</c>: applied after the versioned ones, by description.</summary>
    Repeatable,
}

/// <summary>A Flyway file name. The version is digits separated by '.' or '_' (V1_2 is 1.2), then "__".</summary>
internal sealed record FlywayName(FlywayKind Kind, IReadOnlyList<string> Version, string Description)
{
    private const string Separator = "__";

    public string VersionText => string.Join('.', Version);

    public static bool TryParse(string fileName, out FlywayName name)
    {
        name = null!;
        if (fileName.Length < 2 || !MigrationSource.IsSql(fileName))
            return false;
        var stem = fileName[..^".sql".Length];
        var separator = stem.IndexOf(Separator, 1, StringComparison.Ordinal);
        if (separator < 0)
            return false;
        var description = stem[(separator + Separator.Length)..];
        switch (stem[0])
        {
            case 'R' when separator == 1:
                name = new FlywayName(FlywayKind.Repeatable, [], description);
                return true;
            case 'V' or 'U' when TryParseVersion(stem[1..separator], out var version):
                name = new FlywayName(stem[0] == 'V' ? FlywayKind.Versioned : FlywayKind.Undo, version, description);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Part by part as numbers, a missing part counting as 0: 1.2.10 &gt; 1.2.9, and 1.0 = 1.</summary>
    public static int CompareVersions(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var compared = DigitText.Compare(i < a.Count ? a[i] : "0", i < b.Count ? b[i] : "0");
            if (compared != 0)
                return compared;
        }

        return 0;
    }

    private static bool TryParseVersion(string text, out IReadOnlyList<string> version)
    {
        var parts = text.Split('.', '_');
        version = parts;
        return parts.All(DigitText.IsDigits);
    }
}
