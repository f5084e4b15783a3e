namespace TenantGuard.Harness.Migrations;

/// <summary>The migrations to apply, in order, and how they were found.</summary>
/// <param name="Layout">The layout they were read as.</param>
/// <param name="Why">Why that layout: how it was detected, or that it was chosen.</param>
/// <param name="Files">The files (or file parts) that run, in the order they run.</param>
/// <param name="Skipped">What the layout does not run, counted per reason ("down files skipped: 4").</param>
internal sealed record MigrationSet(MigrationLayout Layout, string Why, IReadOnlyList<MigrationFile> Files, IReadOnlyList<string> Skipped)
{
    public static readonly MigrationSet None = new(MigrationLayout.Flat, "no migrations", [], []);

    /// <summary>Progress lines: the layout and why, then each file in the order it runs.</summary>
    public IEnumerable<string> Describe()
    {
        var skipped = Skipped.Count == 0 ? "" : $" ({string.Join("; ", Skipped)})";
        yield return $"migrations: {Layout.Name()} layout ({Why}), {Files.Count} file{(Files.Count == 1 ? "" : "s")}{skipped}";
        for (var i = 0; i < Files.Count; i++)
        {
            var file = Files[i];
            yield return $"  {i + 1}. {file.Name}{(file.Part is null ? "" : $" ({file.Part})")}";
        }
    }
}
