namespace TenantGuard.Harness.Server;

/// <summary>
/// Removes server directories left behind by runs that were killed before they could clean up: their owner process is
/// gone, but their postgres or pgbouncer may still be running (and a pgbouncer's folder may still hold secrets).
/// </summary>
internal static class OrphanCleaner
{
    /// <summary>
    /// Stops and deletes every orphan under <paramref name="root"/>; returns the directories removed.
    /// <paramref name="runner"/> runs pg_ctl for an orphaned postgres; without one (a pgbouncer start, where no
    /// PostgreSQL binaries are known) the postmaster is killed.
    /// </summary>
    public static IReadOnlyList<string> Clean(string root, ServerProcessRunner? runner)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        InitdbCache.CleanAbandoned(root);
        var removed = new List<string>();
        foreach (var path in Directory.EnumerateDirectories(root))
        {
            if (!ServerDirectory.IsServerDirectoryName(Path.GetFileName(path)))
            {
                continue;
            }

            var directory = ServerDirectory.Open(path);
            if (!IsOrphan(directory))
            {
                continue;
            }

            try
            {
                ServerStopper.StopAndDelete(directory, runner);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may be cleaning the same orphan; whatever is left is retried next time.
            }
        }

        return removed;
    }

    private static bool IsOrphan(ServerDirectory directory)
    {
        if (directory.ReadOwner() is { } owner)
        {
            return !owner.IsAlive();
        }

        // No owner file: either a run is between creating the directory and writing the file, or it died right there.
        var age = DateTime.UtcNow - Directory.GetCreationTimeUtc(directory.Path);
        return age > TimeSpan.FromMinutes(5);
    }
}
