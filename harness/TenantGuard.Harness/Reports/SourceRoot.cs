namespace TenantGuard.Harness.Reports;

/// <summary>
/// The folder SARIF locations are relative to (<c>%SRCROOT%</c>): code scanning resolves them against the checkout,
/// so the default is the repository the command runs in — the nearest folder above the working directory holding
/// <c>.git</c> — else the working directory.
/// </summary>
public static class SourceRoot
{
    public static string Find(string? given = null)
    {
        if (given is not null)
            return WithSeparator(Path.GetFullPath(given));
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
                return WithSeparator(folder.FullName);
        }

        return WithSeparator(Environment.CurrentDirectory);
    }

    private static string WithSeparator(string folder) =>
        folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
}
