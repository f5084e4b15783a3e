namespace TenantGuard.Harness.Tests.Seeds;

/// <summary>The seeds' migrations live next to these tests in the repository (tests/TenantGuard.Harness.Tests/Seeds).</summary>
internal static class SeedFolders
{
    private const string RelativeRoot = "tests/TenantGuard.Harness.Tests/Seeds";

    public static string Path(string seed)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, RelativeRoot, seed);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"{RelativeRoot}/{seed} not found above {AppContext.BaseDirectory}.");
    }
}
