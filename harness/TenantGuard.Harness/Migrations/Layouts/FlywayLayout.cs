namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// Flyway, on an empty database: the versioned migrations <c>V&lt;version&gt;__&lt;description&gt;.sql</c> by version
/// compared part by part as numbers (1.2.10 after 1.2.9), then the repeatable ones <c>R__&lt;description&gt;.sql</c> by
/// description. Undo files (<c>U…</c>) never run. Subfolders are read too, as Flyway scans its locations recursively.
/// </summary>
internal static class FlywayLayout
{
    public static LayoutFiles Read(MigrationSource source)
    {
        var versioned = new List<(string Path, FlywayName Name)>();
        var repeatable = new List<(string Path, FlywayName Name)>();
        var undo = 0;
        var others = new List<string>();
        foreach (var path in source.AllSql)
        {
            if (!FlywayName.TryParse(MigrationSource.FileNameOf(path), out var name))
                others.Add(path);
            else if (name.Kind == FlywayKind.Versioned)
                versioned.Add((path, name));
            else if (name.Kind == FlywayKind.Repeatable)
                repeatable.Add((path, name));
            else
                undo++;
        }

        versioned.Sort((a, b) => FlywayName.CompareVersions(a.Name.Version, b.Name.Version));
        for (var i = 1; i < versioned.Count; i++)
        {
            if (FlywayName.CompareVersions(versioned[i - 1].Name.Version, versioned[i].Name.Version) == 0)
            {
                throw new HarnessException($"{source.Folder}: {versioned[i - 1].Path} and {versioned[i].Path} have the same version " +
                                           $"({versioned[i].Name.VersionText}); Flyway refuses two migrations of one version. Renumber one.");
            }
        }

        repeatable.Sort((a, b) => string.CompareOrdinal(a.Name.Description, b.Name.Description) is var byDescription and not 0
            ? byDescription
            : string.CompareOrdinal(a.Path, b.Path));

        var skipped = new List<string>();
        if (undo > 0)
            skipped.Add($"undo files skipped: {undo}");
        if (others.Count > 0)
            skipped.Add(LayoutFiles.Naming("not V<version>__<description>.sql or R__<description>.sql, not run", others));
        return new LayoutFiles(versioned.Concat(repeatable).Select(f => source.File(f.Path)).ToList(), skipped);
    }
}
