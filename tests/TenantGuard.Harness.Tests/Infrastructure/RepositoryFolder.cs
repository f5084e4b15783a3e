namespace TenantGuard.Harness.Tests.Infrastructure;

/// <summary>Folders of SQL that live next to the tests in the repository (not copied to the output).</summary>
internal static class RepositoryFolder
{
    /// <param name="relative">A path from the repository root, e.g. tests/TenantGuard.Harness.Tests/Seeds/000-event-booking.</param>
    public static string Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
