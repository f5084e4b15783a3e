namespace TenantGuard.Analyzers.Tests.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>The checkout this test runs from: the nearest directory above the test binaries holding TenantGuard.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TenantGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TenantGuard.sln not found above " + AppContext.BaseDirectory + "; run the tests from a checkout.");
    }
}
