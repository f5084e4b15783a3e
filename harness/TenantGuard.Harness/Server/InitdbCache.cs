using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace TenantGuard.Harness.Server;

/// <summary>
/// initdb is most of a server's start-up time, and its output depends only on the binaries and the options, so it
/// runs once per installation; each server then starts from a copy of that pristine data directory.
/// </summary>
internal static class InitdbCache
{
    public const string DirectoryName = "initdb-cache";

    /// <summary>The options every embedded data directory is created with.</summary>
    public static readonly string[] InitdbOptions =
        ["-U", EmbeddedPostgresServer.Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"];

    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Fills <paramref name="dataDirectory"/> with a fresh cluster: a copy of the cached one, made on first use. The
    /// cache lives in the default server root whatever root the servers use, so every run of this user shares it.
    /// </summary>
    public static async Task CreateDataDirectoryAsync(ServerProcessRunner runner, string dataDirectory,
        IProgress<string>? progress, CancellationToken ct)
    {
        var cached = await GetOrCreateAsync(ServerDirectory.DefaultRoot, runner, progress, ct).ConfigureAwait(false);
        if (await CopyAsync(cached, dataDirectory, ct).ConfigureAwait(false))
        {
            return;
        }

        // The copy failed (no cp, a full disk half-way): a direct initdb gives the clearest error if there is one.
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await RunInitdbAsync(runner, dataDirectory, Path.GetDirectoryName(dataDirectory)!, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes half-built cache entries of killed runs.</summary>
    public static void CleanAbandoned(string root)
    {
        var cache = Path.Combine(root, DirectoryName);
        if (!Directory.Exists(cache))
        {
            return;
        }

        foreach (var building in Directory.EnumerateDirectories(cache, "*.building-*"))
        {
            if (DateTime.UtcNow - Directory.GetCreationTimeUtc(building) > TimeSpan.FromMinutes(10))
            {
                TryDelete(building);
            }
        }
    }

    private static async Task<string> GetOrCreateAsync(string root, ServerProcessRunner runner, IProgress<string>? progress,
        CancellationToken ct)
    {
        var cache = Path.Combine(root, DirectoryName);
        var entry = Path.Combine(cache, Key(runner.BinDirectory));
        var data = Path.Combine(entry, "data");
        if (Directory.Exists(data))
        {
            return data;
        }

        progress?.Report($"initdb… ({runner.BinDirectory}; done once, later servers copy it)");
        Directory.CreateDirectory(cache);
        var building = $"{entry}.building-{Guid.NewGuid().ToString("N")[..8]}";
        Directory.CreateDirectory(building);
        ServerProcessRunner.GiveToServiceUser(building);
        try
        {
            await RunInitdbAsync(runner, Path.Combine(building, "data"), building, ct).ConfigureAwait(false);
            Directory.Move(building, entry); // atomic: a concurrent run sees the entry complete or not at all
        }
        catch (IOException) when (Directory.Exists(data))
        {
            // A concurrent run finished the same entry first; use theirs.
        }
        finally
        {
            TryDelete(building);
        }

        return data;
    }

    private static async Task RunInitdbAsync(ServerProcessRunner runner, string dataDirectory, string workingDirectory,
        CancellationToken ct)
    {
        var result = await runner.RunAsync("initdb", ["-D", dataDirectory, .. InitdbOptions], workingDirectory, InitdbTimeout, ct)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new HarnessException($"initdb failed (exit code {result.ExitCode}):\n{result.Output}");
        }
    }

    /// <summary>cp -a keeps the owner (the service user) and the 0700 mode postgres insists on.</summary>
    private static async Task<bool> CopyAsync(string source, string destination, CancellationToken ct)
    {
        try
        {
            using var copy = Process.Start(new ProcessStartInfo("cp", ["-a", source, destination])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            })!;
            await copy.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
            await copy.WaitForExitAsync(ct).ConfigureAwait(false);
            return copy.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Changes whenever the binaries (an upgrade) or the options change.</summary>
    private static string Key(string binDirectory)
    {
        var identity = new StringBuilder(Path.GetFullPath(binDirectory));
        foreach (var tool in new[] { "initdb", "postgres" })
        {
            var path = Path.Combine(binDirectory, PostgresBinaries.ExecutableName(tool));
            identity.Append('|').Append(File.GetLastWriteTimeUtc(path).Ticks).Append('|').Append(new FileInfo(path).Length);
        }

        identity.Append('|').AppendJoin(' ', InitdbOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16];
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
