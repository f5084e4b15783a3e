using Microsoft.CodeAnalysis;
using TenantGuard.Benchmarks.AnalyzerCost;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Tests;

public class ProjectGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_project_and_another_seed_another()
    {
        var first = ProjectGenerator.Generate(120, seed: 7);
        var again = ProjectGenerator.Generate(120, seed: 7);
        var other = ProjectGenerator.Generate(120, seed: 8);

        Assert.Equal(first.Sources, again.Sources);
        Assert.Equal(first.ExpectedDiagnostics, again.ExpectedDiagnostics);
        Assert.NotEqual(first.Sources.Select(s => s.Text), other.Sources.Select(s => s.Text));
    }

    [Fact]
    public void The_default_project_has_2000_files_and_mixes_clean_and_violating_code()
    {
        var project = ProjectGenerator.Generate();

        Assert.Equal(2000, project.Sources.Count);
        Assert.Equal(2000, project.Sources.Select(s => s.Path).Distinct().Count());
        Assert.Equal(["TG0001", "TG0002", "TG0003", "TG0004"], project.ExpectedDiagnostics.Keys);
        // 1 in 20 files violates each rule, with 1 to 3 violations each.
        Assert.All(project.ExpectedDiagnostics.Values, count => Assert.InRange(count, 99, 300));
        Assert.Contains(project.Sources, s => s.Text.Contains("QueryAsync", StringComparison.Ordinal));
        Assert.Contains(project.Sources, s => s.Text.Contains("FromSqlInterpolated", StringComparison.Ordinal));
        Assert.Contains(project.Sources, s => s.Text.Contains("new NpgsqlCommand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(41, 1)]
    [InlineData(160, 2026)]
    public async Task The_analyzers_report_exactly_the_predicted_diagnostics(int files, int seed)
    {
        var project = ProjectGenerator.Generate(files, seed);
        var compilation = new SyntheticCompilation(project);

        var diagnostics = await compilation.BuildAsync(TenantGuardAnalyzers.All(), CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var actual = AnalyzerCostRunner.CountAndCheck(project, diagnostics);
        Assert.Equal(project.ExpectedDiagnostics, actual);
        Assert.True(project.ExpectedTotal > 0);
    }

    [Fact]
    public async Task A_count_that_differs_from_the_prediction_is_an_error_naming_the_rule()
    {
        var project = ProjectGenerator.Generate(41, seed: 1);
        var compilation = new SyntheticCompilation(project);
        var diagnostics = await compilation.BuildAsync(TenantGuardAnalyzers.All(), CancellationToken.None);
        var wrong = project with
        {
            ExpectedDiagnostics = project.ExpectedDiagnostics.ToDictionary(p => p.Key, p => p.Key == "TG0002" ? p.Value + 1 : p.Value),
        };

        var error = Assert.Throws<BenchmarkException>(() => AnalyzerCostRunner.CountAndCheck(wrong, diagnostics));

        Assert.Contains($"TG0002: expected {wrong.ExpectedDiagnostics["TG0002"]}, got {project.ExpectedDiagnostics["TG0002"]}", error.Message);
    }

    [Fact]
    public async Task The_empty_baseline_reports_nothing()
    {
        var project = ProjectGenerator.Generate(41, seed: 1);
        var compilation = new SyntheticCompilation(project);

        var diagnostics = await compilation.BuildAsync([new EmptyAnalyzer()], CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("TG", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
