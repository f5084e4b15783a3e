namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>A C# project made up for the analyzer-cost benchmark, with the diagnostics its author planted in it.</summary>
public sealed record SyntheticProject(
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<SourceFile> Migrations,
    IReadOnlyDictionary<string, int> ExpectedDiagnostics)
{
    public int ExpectedTotal => ExpectedDiagnostics.Values.Sum();
}

public sealed record SourceFile(string Path, string Text);
