using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Package;

/// <summary>The TenantGuardAnalysisMode presets name every diagnostic the analyzers can report, so a new rule is never
/// left at its default severity by "strict" or left on by "none".</summary>
public sealed class AnalysisModePresetTests
{
    [Theory]
    [InlineData("strict", "error")]
    [InlineData("none", "none")]
    public void Each_preset_sets_every_diagnostic(string mode, string severity)
    {
        var path = Path.Combine(RepositoryRoot.Path, "analyzers", "TenantGuard.Analyzers.Package", "build", "config", mode + ".globalconfig");
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).ToList();

        Assert.Contains("is_global = true", lines);
        var set = lines.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            AllAnalyzers.Descriptors.Select(d => $"dotnet_diagnostic.{d.Id}.severity = {severity}").Order(StringComparer.Ordinal),
            set.Order(StringComparer.Ordinal));
    }
}
