using TenantGuard.Harness.Migrations.Layouts;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Tells a folder's layout from what it holds, conservatively: a layout is taken only when its own marks are there
/// (Prisma's migration.sql folders, golang-migrate's .up.sql/.down.sql names, Flyway's V&lt;version&gt;__ names, dbmate's
/// '-- migrate:up' lines) and explain every .sql file; marks of two layouts, or files a layout would not run next to
/// files it would, are a question for the user (--layout), never a guess. Without marks: flat, or recursive when
/// the .sql files are all in subfolders.
/// </summary>
internal static class MigrationLayoutDetector
{
    /// <summary>A layout whose marks the folder carries: the files that follow it and those that do not.</summary>
    private sealed record Claim(MigrationLayout Layout, string Marks, IReadOnlyList<string> Following, IReadOnlyList<string> NotFollowing);

    public static (MigrationLayout Layout, string Why) Detect(MigrationSource source)
    {
        if (source.IsSingleFile)
            return DetectFile(source);
        if (!source.AllSql.Any())
        {
            throw new HarnessException($"The migrations folder {source.Folder} holds no .sql files, in it or in its subfolders. " +
                                       "Pass the folder that holds your .sql migrations, or an EF Core script file (--migrations PATH).");
        }

        var claims = NamedClaims(source).Where(c => c.Following.Count > 0).ToList();
        if (claims.Count > 1)
        {
            var described = claims.Select(c => $"{c.Layout.Name()} ({c.Marks}, e.g. {c.Following[0]})");
            throw Ask(source, $"carries the marks of several layouts: {string.Join(" and ", described)}");
        }

        if (claims.Count == 1)
            return Take(source, claims[0]);

        var dbmate = source.TopLevel.Where(name => DbmateFile.HasUpMarker(source.Text(name))).ToList();
        if (dbmate.Count > 0)
        {
            return Take(source, new Claim(MigrationLayout.Dbmate, "files with a '-- migrate:up' line", dbmate,
                source.TopLevel.Except(dbmate, StringComparer.Ordinal).ToList()));
        }

        if (source.TopLevel.Count == 1 && source.Nested.Count == 0 && WritesEfHistory(source.Text(source.TopLevel[0])))
            return (MigrationLayout.EfScript, $"detected: one script that writes {EfScriptLayout.HistoryTable}");
        return source.TopLevel.Count > 0
            ? (MigrationLayout.Flat, "detected: .sql files in the folder itself, by name")
            : (MigrationLayout.Recursive, "detected: .sql files only in subfolders, by path");
    }

    private static IEnumerable<Claim> NamedClaims(MigrationSource source)
    {
        var prisma = source.Subfolders.Select(s => PrismaLayout.MigrationOf(source, s)).OfType<string>().ToList();
        yield return new Claim(MigrationLayout.Prisma, $"subfolders holding {PrismaLayout.FileName}", prisma, source.TopLevel);

        var golang = source.TopLevel.Where(name => GolangMigrateName.TryParse(name, out _)).ToList();
        yield return new Claim(MigrationLayout.GolangMigrate, "files named <version>_<title>.up.sql / .down.sql", golang,
            source.TopLevel.Except(golang, StringComparer.Ordinal).ToList());

        // Flyway scans subfolders too. Its mark is a versioned file; repeatable and undo files then follow it as well.
        var flyway = source.AllSql
            .Select(path => (Path: path, Name: FlywayName.TryParse(MigrationSource.FileNameOf(path), out var name) ? name : null))
            .Where(f => f.Name is not null)
            .ToList();
        var marked = flyway.Any(f => f.Name!.Kind == FlywayKind.Versioned);
        yield return new Claim(MigrationLayout.Flyway, "files named V<version>__<description>.sql", marked ? flyway.Select(f => f.Path).ToList() : [],
            source.AllSql.Except(flyway.Select(f => f.Path), StringComparer.Ordinal).ToList());
    }

    private static (MigrationLayout, string) Take(MigrationSource source, Claim claim)
    {
        if (claim.NotFollowing.Count > 0)
        {
            throw Ask(source, $"mixes layouts: {claim.Following.Count} file(s) are {claim.Layout.Name()} migrations ({claim.Marks}, " +
                              $"e.g. {claim.Following[0]}), {LayoutFiles.Naming("but these are not", claim.NotFollowing)}");
        }

        return (claim.Layout, $"detected: {claim.Marks}");
    }

    private static (MigrationLayout, string) DetectFile(MigrationSource source)
    {
        var text = source.Text(source.TopLevel[0]);
        if (DbmateFile.HasUpMarker(text))
            return (MigrationLayout.Dbmate, "detected: one file with a '-- migrate:up' line");
        return (MigrationLayout.EfScript, WritesEfHistory(text)
            ? $"detected: one script that writes {EfScriptLayout.HistoryTable}"
            : "one script file, applied as it is");
    }

    private static bool WritesEfHistory(string text) => text.Contains(EfScriptLayout.HistoryTable, StringComparison.Ordinal);

    private static HarnessException Ask(MigrationSource source, string what) =>
        new($"The migrations folder {source.Folder} {what}. Say which layout it has with --layout " +
            $"{string.Join("|", MigrationLayouts.Names)} (WithMigrationLayout); docs/cli.md#migration-layouts says what each runs.");
}
