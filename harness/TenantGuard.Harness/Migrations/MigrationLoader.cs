using TenantGuard.Harness.Migrations.Layouts;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Reads the migrations the user pointed at — a folder in one of the <see cref="MigrationLayout"/>s, or one script
/// file — into the files that run, in the order the layout's own tool runs them. The runner, the role plan and the
/// finding locator all read this one result, so lines point into the same files.
/// </summary>
internal static class MigrationLoader
{
    /// <param name="path">A folder, or one script file (an EF Core migrations script).</param>
    /// <param name="layout">The layout to read the folder as; null detects it.</param>
    public static MigrationSet Load(string path, MigrationLayout? layout)
    {
        var full = Path.GetFullPath(path);
        MigrationSource source;
        if (File.Exists(full))
        {
            source = MigrationSource.ForFile(path, full);
        }
        else if (Directory.Exists(full))
        {
            source = MigrationSource.List(path, full);
        }
        else
        {
            throw new HarnessException($"The migrations folder {path} does not exist ({full}). Pass the folder that holds your .sql " +
                                       "migrations, or an EF Core script file (--migrations PATH).");
        }

        var (chosen, why) = layout is { } given ? (given, $"--layout {given.Name()}") : MigrationLayoutDetector.Detect(source);
        var read = Read(source, chosen);
        if (read.Files.Count == 0)
        {
            var skipped = read.Skipped.Count == 0 ? "" : $" ({string.Join("; ", read.Skipped)})";
            throw new HarnessException($"The migrations folder {path} holds no {chosen.Name()} migrations{skipped}. " +
                                       $"{What(chosen)} Pass the folder that holds your migrations, or the layout it has (--layout).");
        }

        return new MigrationSet(chosen, why, read.Files, read.Skipped);
    }

    private static LayoutFiles Read(MigrationSource source, MigrationLayout layout)
    {
        if (source.IsSingleFile && layout is not (MigrationLayout.EfScript or MigrationLayout.Flat or MigrationLayout.Dbmate))
        {
            throw new HarnessException($"--layout {layout.Name()} reads a folder, but {source.DisplayPath(source.TopLevel[0])} is a file. " +
                                       "Pass the folder that holds the migrations.");
        }

        return layout switch
        {
            MigrationLayout.Flat => FlatLayout.Read(source),
            MigrationLayout.Recursive => RecursiveLayout.Read(source),
            MigrationLayout.Prisma => PrismaLayout.Read(source),
            MigrationLayout.Dbmate => DbmateLayout.Read(source),
            MigrationLayout.GolangMigrate => GolangMigrateLayout.Read(source),
            MigrationLayout.Flyway => FlywayLayout.Read(source),
            MigrationLayout.EfScript => EfScriptLayout.Read(source),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
        };
    }

    /// <summary>What a layout runs, for the message when a folder holds none of it.</summary>
    private static string What(MigrationLayout layout) => layout switch
    {
        MigrationLayout.Flat => "The flat layout runs the .sql files of the folder itself, by name.",
        MigrationLayout.Recursive => "The recursive layout runs the .sql files of the folder and its subfolders, by path.",
        MigrationLayout.Prisma => $"Prisma migrations are <folder>/{PrismaLayout.FileName}.",
        MigrationLayout.Dbmate => "dbmate migrations are <version>_<name>.sql files with a '-- migrate:up' line.",
        MigrationLayout.GolangMigrate => "golang-migrate migrations are <version>_<title>.up.sql files.",
        MigrationLayout.Flyway => "Flyway migrations are V<version>__<description>.sql and R__<description>.sql files.",
        _ => "An ef-script is one .sql file, as dotnet ef migrations script writes it.",
    };
}
