using TenantGuard.Harness;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Testing;

/// <summary>Finds what a test run reads: a tenantguard.json, the migrations, or both. A test runs in its bin folder,
/// far from the repository's files, so relative paths and the default search walk up from there.</summary>
internal static class ConfigSearch
{
    /// <summary>The config file to read (null: none, only migrations) and the migrations (null: the config's).</summary>
    public sealed record Found(string? ConfigFile, string? Migrations);

    public static Found Find(string? path, string searchFrom)
    {
        var start = System.IO.Path.GetFullPath(searchFrom);
        if (path is null)
        {
            return Above(start, WaiverFile.FileName) is { } config
                ? new Found(config, null)
                : throw new HarnessException(
                    $"No {WaiverFile.FileName} in {start} or any folder above it. Put one at your repository root that names the " +
                    "migrations, {\"migrations\": \"db/migrations\"} (or run `tenantguard init --migrations db/migrations`), " +
                    "or pass the migrations folder: TenantIsolation.VerifyAsync(\"db/migrations\").");
        }

        var full = System.IO.Path.IsPathRooted(path)
            ? System.IO.Path.GetFullPath(path)
            : Above(start, path) ?? throw new HarnessException(
                $"{path}: not found in {start} or any folder above it. Give a tenantguard.json or the migrations folder " +
                "relative to your repository root (\"db/migrations\"), or an absolute path.");
        return Classify(full);
    }

    private static Found Classify(string full)
    {
        if (Directory.Exists(full))
        {
            var config = System.IO.Path.Combine(full, WaiverFile.FileName);
            return File.Exists(config) ? new Found(config, null) : new Found(null, full);
        }

        if (File.Exists(full))
            return full.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? new Found(full, null) : new Found(null, full);
        throw new HarnessException($"{full}: no such file or folder. Give a tenantguard.json, or the migrations folder or script.");
    }

    /// <summary>The first <c>folder/relative</c> that exists, from <paramref name="start"/> up to the root.</summary>
    private static string? Above(string start, string relative)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, relative));
            if (File.Exists(candidate) || Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
