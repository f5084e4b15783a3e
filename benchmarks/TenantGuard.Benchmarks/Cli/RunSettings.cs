namespace TenantGuard.Benchmarks.Cli;

/// <summary>What a benchmark run measures and where it writes; the quick run is what CI runs.</summary>
public sealed record RunSettings
{
    public bool Quick { get; init; }
    public IReadOnlyList<long> TableSizes { get; init; } = [100_000, 1_000_000];
    public int AnalyzerFiles { get; init; } = AnalyzerCost.ProjectGenerator.DefaultFiles;
    public int AnalyzerIterations { get; init; } = 5;
    public int HarnessRepetitions { get; init; } = 5;
    public IReadOnlyList<int> HarnessSizes { get; init; } = [10, 200, 1000];
    public bool Rls { get; init; } = true;
    public bool Analyzer { get; init; } = true;
    public bool Harness { get; init; } = true;
    public string? ConnectionString { get; init; }
    public string OutputPath { get; init; } = RepositoryPaths.Results;
    public string? BaselinePath { get; init; } = RepositoryPaths.Baseline;
    public double? Threshold { get; init; }
    public string ArtifactsPath { get; init; } = RepositoryPaths.Artifacts;

    public static RunSettings For(bool quick) => quick
        ? new RunSettings { Quick = true, TableSizes = [100_000], AnalyzerIterations = 3, HarnessRepetitions = 3, HarnessSizes = [10, 200] }
        : new RunSettings();
}
