namespace TenantGuard.Harness.Server;

/// <summary>
/// Serialises the building of one cache entry across runs: a file opened without sharing is an exclusive flock on
/// Unix, released by the kernel when its holder exits, even through SIGKILL, so a killed builder never blocks the next.
/// </summary>
internal sealed class InitdbCacheLock : IDisposable
{
    private readonly FileStream _file;

    private InitdbCacheLock(FileStream file)
    {
        _file = file;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) while another run builds the same entry.</summary>
    public static async Task<InitdbCacheLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.SecretFile;
        }

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new InitdbCacheLock(new FileStream(path, options));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another run building the entry: wait for it.
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new HarnessException(
                    $"Another TenantGuard run has held the initdb cache lock {path} for {timeout.TotalSeconds:0} s while building " +
                    $"the cached cluster; let it finish or stop it, then try again ({e.Message}).", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new HarnessException($"Could not open the initdb cache lock {path}: {e.Message}", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
