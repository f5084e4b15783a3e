using System.Globalization;

namespace TenantGuard.Harness.Server;

/// <summary>
/// The temporary directory of one embedded server: data directory, unix socket, log, and an owner file naming the
/// process that started it, so a later run can recognise the directory as an orphan once that process is gone.
/// </summary>
internal sealed class ServerDirectory
{
    public const string OwnerFileName = "owner.lock";

    private ServerDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    public string LogFile => System.IO.Path.Combine(Path, "server.log");

    public string OwnerFile => System.IO.Path.Combine(Path, OwnerFileName);

    /// <summary>
    /// Where every embedded server of this user lives: in memory (/dev/shm) when there is room, since the server is
    /// thrown away anyway, else the temp directory. When running as root, a place the service user can enter.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            var name = ServerProcessRunner.RunsAsServiceUser ? "tenantguard-pg" : $"tenantguard-pg-{Environment.UserName}";
            if (HasRoom("/dev/shm"))
            {
                return System.IO.Path.Combine("/dev/shm", name);
            }

            // Not $TMPDIR as root: it may sit below /root, which the service user cannot enter.
            return System.IO.Path.Combine(ServerProcessRunner.RunsAsServiceUser ? "/tmp" : System.IO.Path.GetTempPath(), name);
        }
    }

    private static bool HasRoom(string directory)
    {
        const long enough = 2L * 1024 * 1024 * 1024; // a few servers with some data; Docker's default /dev/shm is 64 MB
        try
        {
            return OperatingSystem.IsLinux() && Directory.Exists(directory) && new DriveInfo(directory).AvailableFreeSpace > enough;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    public static ServerDirectory Create(string root)
    {
        Directory.CreateDirectory(root);
        var name = $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var directory = new ServerDirectory(System.IO.Path.Combine(root, name));
        Directory.CreateDirectory(directory.Path);
        File.WriteAllText(directory.OwnerFile, OwnerStamp.ForCurrentProcess().ToString());
        ServerProcessRunner.GiveToServiceUser(directory.Path);
        return directory;
    }

    public static ServerDirectory Open(string path) => new(path);

    /// <summary>The last lines of the server log, for error messages.</summary>
    public string LogTail(int lines = 20)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log not readable)";
        }
    }

    /// <summary>The postmaster's process id from its pid file, when the server is (or was) running.</summary>
    public int? PostmasterPid()
    {
        try
        {
            var first = File.ReadLines(System.IO.Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Who started the directory; null when the owner file is missing or unreadable.</summary>
    public OwnerStamp? ReadOwner()
    {
        try
        {
            return OwnerStamp.Parse(File.ReadAllText(OwnerFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Delete()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A server process may still be removing its socket or pid file as it exits.
                Thread.Sleep(100);
            }
        }
    }
}
