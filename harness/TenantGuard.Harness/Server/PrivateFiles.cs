namespace TenantGuard.Harness.Server;

/// <summary>
/// Directories and files only the harness and the server's OS user may open: the server directories hold the unix
/// socket and the superuser's password, so no other local user may enter them.
/// </summary>
internal static class PrivateFiles
{
    /// <summary>rwx------: the owner alone.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw-------, for secrets.</summary>
    public const UnixFileMode SecretFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// rwx--x--x for a directory that holds server directories: as root, the service user must pass through it to
    /// reach its own (0700) directories; nobody else may list it.
    /// </summary>
    public static UnixFileMode ParentMode =>
        ServerProcessRunner.RunsAsServiceUser ? OwnerOnly | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : OwnerOnly;

    /// <summary>Creates a directory only its owner may enter (handed to the service user afterwards when root).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnly);
    }

    /// <summary>
    /// Creates a directory that will hold server directories, when missing. <paramref name="tighten"/> also sets the
    /// mode of one that exists (the default root, left by an older version with a looser mode); it fails when the
    /// directory belongs to another user, who could otherwise tamper with what the harness puts there.
    /// </summary>
    public static void CreateParent(string path, bool tighten)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, ParentMode);
            return;
        }

        if (!tighten || File.GetUnixFileMode(path) == ParentMode)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, ParentMode);
        }
        catch (UnauthorizedAccessException)
        {
            throw new HarnessException(
                $"{path} belongs to another user, so TenantGuard cannot keep other users out of the servers it starts " +
                "there. Remove it, or choose another directory (WithTemporaryRoot).");
        }
    }

    /// <summary>Writes a new file readable by its owner alone: the mode is set at creation, never after.</summary>
    public static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SecretFile;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(content);
    }
}
