using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace TenantGuard.Harness.Server;

/// <summary>
/// initdb is most of a server's start-up time, and its output depends only on the binaries and the options, so it
/// runs once per installation; each server then starts from a copy of that cluster. The cache lives in the default
/// server root whatever root the servers use, so every run of this user shares it.
/// </summary>
internal sealed class InitdbCache(string root, ServerProcessRunner runner)
{
    public const string DirectoryName = "initdb-cache";

    /// <summary>
    /// The options every cached cluster is created with (the password file is added per build). SCRAM for the socket
    /// and TCP alike: only a client that knows the superuser's password gets in.
    /// </summary>
    public static readonly string[] InitdbOptions =
        ["-U", EmbeddedPostgresServer.Superuser, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"];

    /// <summary>Part of the key: entries of an older layout (without password or marker) are never reused.</summary>
    private const string Layout = "data+superuser.password+complete";

    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromSeconds(120);

    private string CacheDirectory => Path.Combine(root, DirectoryName);

    /// <summary>The complete entry for these binaries, built first when missing or damaged.</summary>
    public async Task<InitdbCacheEntry> GetAsync(IProgress<string>? progress, CancellationToken ct)
    {
        var entry = InitdbCacheEntry.Read(EntryPath);
        return entry.IsComplete ? entry : await BuildAsync(damagedBuildId: null, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A server did not start from a copy of <paramref name="damaged"/>: builds the entry again, unless a concurrent run
    /// has rebuilt it meanwhile.
    /// </summary>
    public Task<InitdbCacheEntry> RebuildAsync(InitdbCacheEntry damaged, IProgress<string>? progress, CancellationToken ct) =>
        BuildAsync(damaged.BuildId, progress, ct);

    /// <summary>Copies the entry's cluster to <paramref name="destination"/>; the error text when that failed.</summary>
    public static async Task<string?> CopyAsync(InitdbCacheEntry entry, string destination, CancellationToken ct)
    {
        // cp -a keeps the owner (the service user) and the 0700 mode postgres insists on.
        try
        {
            using var copy = Process.Start(new ProcessStartInfo("cp", ["-a", entry.DataDirectory, destination])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            })!;
            var error = await copy.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
            await copy.WaitForExitAsync(ct).ConfigureAwait(false);
            return copy.ExitCode == 0 ? null : $"cp -a exited with code {copy.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cp could not run: {e.Message}";
        }
    }

    /// <summary>
    /// Deletes half-built and replaced entries left by killed runs, and the locks of entries that were never built
    /// (initdb failed): long after any run could still be waiting on them.
    /// </summary>
    public static void CleanAbandoned(string root)
    {
        var cache = Path.Combine(root, DirectoryName);
        if (!Directory.Exists(cache))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateDirectories(cache, "*.building-*").Concat(Directory.EnumerateDirectories(cache, "*.damaged-*")))
        {
            if (IsAbandoned(leftover))
            {
                TryDelete(leftover);
            }
        }

        foreach (var lockFile in Directory.EnumerateFiles(cache, "*.lock"))
        {
            if (IsAbandoned(lockFile) && !Directory.Exists(Path.ChangeExtension(lockFile, null)))
            {
                TryDeleteFile(lockFile);
            }
        }
    }

    private string EntryPath => Path.Combine(CacheDirectory, Key(runner.BinDirectory));

    /// <summary>
    /// Builds the entry under its lock, so two runs never run initdb for the same entry at once: the second waits and
    /// takes the first one's. The new cluster is built aside and renamed into place (atomic), so a run that reads the
    /// entry without the lock sees a complete cluster or none.
    /// </summary>
    private async Task<InitdbCacheEntry> BuildAsync(string? damagedBuildId, IProgress<string>? progress, CancellationToken ct)
    {
        PrivateFiles.CreateParent(root, tighten: false);
        PrivateFiles.CreateParent(CacheDirectory, tighten: true);
        var path = EntryPath;
        using var entryLock = await InitdbCacheLock.AcquireAsync(path + ".lock", InitdbTimeout + TimeSpan.FromSeconds(30), ct)
            .ConfigureAwait(false);
        var current = InitdbCacheEntry.Read(path);
        if (current.IsComplete && current.BuildId != damagedBuildId)
        {
            return current; // built, or rebuilt, by a concurrent run while this one waited for the lock
        }

        progress?.Report(Directory.Exists(path)
            ? $"initdb cache entry {path} is damaged; rebuilding it…"
            : $"initdb… ({runner.BinDirectory}; done once, later servers copy it)");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var building = $"{path}.building-{suffix}";
        var replaced = $"{path}.damaged-{suffix}";
        try
        {
            PrivateFiles.CreateDirectory(building);
            var built = InitdbCacheEntry.At(building);
            PrivateFiles.WriteSecret(built.PasswordFile, NewPassword() + "\n");
            ServerProcessRunner.GiveToServiceUser(building);
            await RunInitdbAsync(built, building, ct).ConfigureAwait(false);
            built.MarkComplete();

            if (Directory.Exists(path))
            {
                Directory.Move(path, replaced); // runs copying from it now fail their copy and start again
            }

            Directory.Move(building, path);
        }
        catch (IOException) when (InitdbCacheEntry.Read(path).IsComplete)
        {
            // Another run put a complete entry in place after all (its lock file was cleaned away under it): use it.
        }
        finally
        {
            TryDelete(building);
            TryDelete(replaced);
        }

        return InitdbCacheEntry.Read(path);
    }

    private async Task RunInitdbAsync(InitdbCacheEntry entry, string workingDirectory, CancellationToken ct)
    {
        var result = await runner.RunAsync("initdb", ["-D", entry.DataDirectory, .. InitdbOptions, $"--pwfile={entry.PasswordFile}"],
            workingDirectory, InitdbTimeout, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new HarnessException($"initdb failed (exit code {result.ExitCode}):\n{result.Output}");
        }
    }

    /// <summary>Random per cache entry; hex, so it needs no quoting in a connection string or a file.</summary>
    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>Changes whenever the binaries (an upgrade), the options or the entry's layout change.</summary>
    private static string Key(string binDirectory)
    {
        var identity = new StringBuilder(Path.GetFullPath(binDirectory));
        foreach (var tool in new[] { "initdb", "postgres" })
        {
            var path = Path.Combine(binDirectory, PostgresBinaries.ExecutableName(tool));
            identity.Append('|').Append(File.GetLastWriteTimeUtc(path).Ticks).Append('|').Append(new FileInfo(path).Length);
        }

        identity.Append('|').AppendJoin(' ', InitdbOptions).Append('|').Append(Layout);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16];
    }

    private static bool IsAbandoned(string path) =>
        DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > TimeSpan.FromMinutes(10);

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's cleanup.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's cleanup.
        }
    }
}
