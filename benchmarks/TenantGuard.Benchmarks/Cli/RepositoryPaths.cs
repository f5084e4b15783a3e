namespace TenantGuard.Benchmarks.Cli;

/// <summary>Default file locations, relative to the repository root (found from the working directory upwards).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Baseline => Path.Combine(Root, "benchmarks", "baseline", "baseline.json");

    public static string Results => Path.Combine(Root, "artifacts", "benchmarks", "results.json");

    public static string Chart => Path.Combine(Root, "docs", "images", "rls-overhead.png");

    public static string Artifacts => Path.Combine(Root, "artifacts", "benchmarks", "BenchmarkDotNet");

    public static string SampleMigrations => Path.Combine(Root, "sample-app", "TenantGuard.SampleApp", "migrations");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantGuard.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
