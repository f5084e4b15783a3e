namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// golang-migrate: <c>&lt;version&gt;_&lt;title&gt;.up.sql</c> files of the folder itself, by version number
/// (9 before 10, whatever the padding). <c>.down.sql</c> files only roll back, so they never run. Two up files with
/// one version are refused, as golang-migrate refuses them.
/// </summary>
internal static class GolangMigrateLayout
{
    public static LayoutFiles Read(MigrationSource source)
    {
        var ups = new List<(string Name, GolangMigrateName Parsed)>();
        var downs = 0;
        var others = new List<string>();
        foreach (var name in source.TopLevel)
        {
            if (!GolangMigrateName.TryParse(name, out var parsed))
                others.Add(name);
            else if (parsed.IsUp)
                ups.Add((name, parsed));
            else
                downs++;
        }

        ups.Sort((a, b) => DigitText.Compare(a.Parsed.Version, b.Parsed.Version) is var byVersion and not 0
            ? byVersion
            : string.CompareOrdinal(a.Name, b.Name));
        for (var i = 1; i < ups.Count; i++)
        {
            if (DigitText.Compare(ups[i - 1].Parsed.Version, ups[i].Parsed.Version) == 0)
            {
                throw new HarnessException($"{source.Folder}: {ups[i - 1].Name} and {ups[i].Name} have the same version " +
                                           $"({ups[i].Parsed.Version}); golang-migrate refuses two up files of one version. Renumber one.");
            }
        }

        var skipped = new List<string>();
        if (downs > 0)
            skipped.Add($"down files skipped: {downs}");
        if (others.Count > 0)
            skipped.Add(LayoutFiles.Naming("not <version>_<title>.up.sql, not run", others));
        skipped.AddRange(LayoutFiles.SubfoldersNotRead(source));
        return new LayoutFiles(ups.Select(u => source.File(u.Name)).ToList(), skipped);
    }
}
