using System.Diagnostics;

namespace TenantGuard.Harness.Server;

/// <summary>Finds a directory that holds initdb, pg_ctl and postgres, the way a user would look for them.</summary>
internal static class PostgresBinaries
{
    public const string EnvironmentVariable = "TENANTGUARD_PG_BIN";

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    /// <summary>True when <paramref name="directory"/> holds every tool the embedded server needs.</summary>
    public static bool IsComplete(string directory) =>
        RequiredTools.All(tool => File.Exists(Path.Combine(directory, ExecutableName(tool))));

    public static string ExecutableName(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;

    /// <summary>Candidate directories, most preferred first (TENANTGUARD_PG_BIN is not one: when set, it is the only
    /// place looked at; see PostgresServerBuilder).</summary>
    public static IEnumerable<string> Candidates()
    {
        if (PgConfigBinDirectory() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }

        foreach (var versioned in HighestVersionFirst("/usr/lib/postgresql", "bin"))
        {
            yield return versioned;
        }

        yield return "/usr/local/pgsql/bin";

        foreach (var prefix in new[] { "/opt/homebrew/opt", "/usr/local/opt" })
        {
            foreach (var brew in HighestVersionFirst(prefix, "bin", "postgresql@"))
            {
                yield return brew;
            }

            yield return Path.Combine(prefix, "postgresql", "bin");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var entry in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return entry;
        }
    }

    /// <summary>The first complete candidate, or null with the list of places looked at.</summary>
    public static string? Locate(out IReadOnlyList<string> searched)
    {
        var looked = new List<string>();
        searched = looked;
        foreach (var candidate in Candidates().Distinct(StringComparer.Ordinal))
        {
            looked.Add(candidate);
            if (IsComplete(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null; // pg_config is not installed: fall through to the well-known locations.
        }
    }

    /// <summary>Subdirectories of <paramref name="root"/> named like a version (optionally after a prefix), highest first.</summary>
    private static IEnumerable<string> HighestVersionFirst(string root, string binSubdirectory, string prefix = "")
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(dir => (dir, name: Path.GetFileName(dir)))
            .Where(d => d.name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => (d.dir, version: MajorMinor(d.name[prefix.Length..])))
            .Where(d => d.version is not null)
            .OrderByDescending(d => d.version)
            .Select(d => Path.Combine(d.dir, binSubdirectory));
    }

    /// <summary>"16" or "16.4" as a version; null for any other folder name.</summary>
    private static Version? MajorMinor(string name)
    {
        var parts = name.Split('.');
        return parts.Length is 1 or 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            ? new Version(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0)
            : null;
    }
}
