using System.Globalization;

namespace TenantGuard.Harness.Server;

/// <summary>
/// The temporary directory of one server process the harness starts — an embedded postgres (data directory, unix
/// socket) or a pgbouncer — with its log, its pid file, and an owner file naming the process that started it, so a
/// later run can recognise the directory as an orphan once that process is gone. Mode 0700, owned by the user the
/// server runs as: no other local user can reach the socket or the files.
/// </summary>
internal sealed class ServerDirectory
{
    public const string OwnerFileName = "owner.lock";

    /// <summary>Ends the name of a pgbouncer's directory: <c>&lt;pid&gt;-&lt;random&gt;-pgbouncer</c>.</summary>
    public const string PgBouncerSuffix = "pgbouncer";

    private const int RandomLength = 8;

    private ServerDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    /// <summary>The log of the server running here (postgres or pgbouncer).</summary>
    public string LogFile => System.IO.Path.Combine(Path, "server.log");

    public string OwnerFile => System.IO.Path.Combine(Path, OwnerFileName);

    public string PgBouncerPidFile => System.IO.Path.Combine(Path, "pgbouncer.pid");

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

    /// <summary>
    /// Creates <c>&lt;root&gt;/&lt;pid&gt;-&lt;random&gt;[-suffix]</c> with the owner file, handed to the service user when root.
    /// </summary>
    public static ServerDirectory Create(string root, string? suffix = null)
    {
        PrivateFiles.CreateParent(root, tighten: IsDefaultRoot(root));
        var name = $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..RandomLength]}" + (suffix is null ? "" : $"-{suffix}");
        var directory = new ServerDirectory(System.IO.Path.Combine(root, name));
        PrivateFiles.CreateDirectory(directory.Path);
        File.WriteAllText(directory.OwnerFile, OwnerStamp.ForCurrentProcess().ToString());
        ServerProcessRunner.GiveToServiceUser(directory.Path);
        return directory;
    }

    public static ServerDirectory Open(string path) => new(path);

    /// <summary>
    /// True for a name <see cref="Create"/> makes (<c>1234-0a1b2c3d</c>, <c>1234-0a1b2c3d-pgbouncer</c>): orphan cleanup
    /// never touches anything else, even in a root shared with other files.
    /// </summary>
    public static bool IsServerDirectoryName(string name)
    {
        var parts = name.Split('-');
        return parts.Length is 2 or 3
               && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
               && parts[1].Length == RandomLength && parts[1].All(char.IsAsciiHexDigitLower)
               && (parts.Length == 2 || parts[2] == PgBouncerSuffix);
    }

    private static bool IsDefaultRoot(string root) =>
        string.Equals(System.IO.Path.GetFullPath(root), DefaultRoot, StringComparison.Ordinal);

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
    public int? PostmasterPid() => ReadPid(System.IO.Path.Combine(DataDirectory, "postmaster.pid"));

    /// <summary>pgbouncer's process id from its pid file, while it runs (it deletes the file when it stops).</summary>
    public int? PgBouncerPid() => ReadPid(PgBouncerPidFile);

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

    /// <summary>Removes the data directory alone, so another cluster can be copied in (the log stays).</summary>
    public void DeleteData() => DeleteWithRetries(DataDirectory);

    public void Delete() => DeleteWithRetries(Path);

    private static int? ReadPid(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault()?.Trim();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void DeleteWithRetries(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
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
