using TenantGuard.Benchmarks.Rls;

namespace TenantGuard.Benchmarks.Tests;

/// <summary>The gate guards the policies a team should write; the broken ones are measured, never gated.</summary>
public sealed class RlsModeTests
{
    [Theory]
    [InlineData(RlsMode.RlsPolicy, true)]
    [InlineData(RlsMode.RlsPolicyAndFilter, true)]
    [InlineData(RlsMode.WrappedFunctionPolicy, true)]
    [InlineData(RlsMode.NonSargablePolicy, false)]
    [InlineData(RlsMode.FunctionPerRowPolicy, false)]
    [InlineData(RlsMode.ExplicitFilter, false)]
    public void Only_recommended_policies_are_gated(RlsMode mode, bool gated) => Assert.Equal(gated, mode.IsGated());

    [Fact]
    public void The_committed_baseline_holds_only_gated_modes()
    {
        var baseline = Path.Combine(RepositoryRoot(), "benchmarks", "baseline", "baseline.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(baseline));
        var modes = json.RootElement.GetProperty("ratios").EnumerateObject()
            .Select(p => p.Name.Split('/'))
            .Where(parts => parts[0] == "rls")
            .Select(parts => RlsModes.FromKey(parts[3]))
            .Distinct()
            .ToList();

        Assert.NotEmpty(modes);
        Assert.All(modes, mode => Assert.True(mode.IsGated(), $"{mode.Key()} is in the baseline but not gated"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantGuard.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("TenantGuard.sln not found above the test output folder.");
    }
}
