using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Setup;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard init [--migrations PATH] [--force]</c>: detects the layout, tenant column, app role and
/// tenant setting on a throwaway server, shows why, and writes tenantguard.json and a CI workflow that runs
/// <c>check</c> with them. Never overwrites a file without --force; a choice it cannot make is a TODO, not a guess.</summary>
public static class InitCommand
{
    /// <summary>Where projects usually keep their migrations, looked for when --migrations is omitted.</summary>
    private static readonly string[] UsualFolders = ["migrations", "db/migrations", "database/migrations", "prisma/migrations", "supabase/migrations", "sql"];

    public static Command Create(CliConsole console)
    {
        var migrations = SharedOptions.Migrations(required: false, $"to set up (default: the first of {string.Join(", ", UsualFolders)} here)");
        var force = new Option<bool>("--force") { Description = "Overwrite tenantguard.json and the workflow when they exist." };
        var command = new Command("init", "Detect the tenant column, app role and tenant setting from the migrations; write tenantguard.json and a CI workflow.")
        {
            migrations,
            force,
        };
        command.SetAction((parsed, cancellationToken) =>
            console.RunAsync(() => RunAsync(console, parsed.GetValue(migrations), parsed.GetValue(force), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string? migrationsOption, bool force, CancellationToken cancellationToken)
    {
        var migrations = Path.GetFullPath(migrationsOption ?? FindUsualFolder());
        if (!Directory.Exists(migrations) && !File.Exists(migrations))
            throw new HarnessException($"{migrations}: no migrations folder or script there. Pass the folder that holds your .sql migrations with --migrations.");

        var files = InitFiles.For(migrations);
        // Every file is checked before any is written, so a refused run leaves the project as it was.
        var existing = files.Paths.Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
            throw new HarnessException(existing.Count == 1
                ? $"{existing[0]} already exists; pass --force to overwrite it (nothing was written)."
                : $"{string.Join(" and ", existing)} already exist; pass --force to overwrite them (nothing was written).");

        var setup = await ProgressDisplay.RunAsync(console, "Starting PostgreSQL…",
            progress => ProjectSetupDetector.DetectAsync(migrations, progress: progress, ct: cancellationToken));

        await files.WriteAsync(setup, cancellationToken);
        await console.Out.WriteAsync(InitSummary.Describe(setup, files));
        await console.Out.FlushAsync(cancellationToken);
        return ExitCodes.Clean;
    }

    private static string FindUsualFolder() =>
        UsualFolders.FirstOrDefault(Directory.Exists)
        ?? throw new HarnessException($"no migrations folder here (looked for {string.Join(", ", UsualFolders)}); pass --migrations PATH.");
}
