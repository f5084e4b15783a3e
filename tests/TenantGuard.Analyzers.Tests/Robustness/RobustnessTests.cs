using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Robustness;

/// <summary>The analyzers never throw: not on this repository's own code, not on a large project full of bad input.</summary>
public sealed class RobustnessTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    [Fact]
    public async Task Every_cs_file_in_this_repository_analyzes_without_analyzer_exceptions()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Path, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .ToList();
        Assert.NotEmpty(files);

        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path)).ToList();
        var migrations = Directory.EnumerateFiles(RepositoryRoot.Path, "*.sql", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create("Repository", trees, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var result = await AnalyzerRun.RunAsync(compilation, migrations,
            new InMemoryConfigOptionsProvider(new Dictionary<string, string>(), tree => new Dictionary<string, string>()));

        Assert.Empty(result.AnalyzerExceptions);
    }

    [Fact]
    public async Task A_generated_thousand_file_project_with_bad_input_analyzes_without_analyzer_exceptions()
    {
        var sources = GeneratedProject.Sources(1000).ToList();
        Assert.Equal(1001, sources.Count);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, "/generated/" + s.Path)).ToList();
        var migrations = GeneratedProject.Migrations()
            .Select(m => (AdditionalText)new InMemoryAdditionalText("/generated/" + m.Path, m.Text))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create("Generated", trees, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new InMemoryConfigOptionsProvider(
            new Dictionary<string, string> { ["tenantguard.tenant_column"] = "tenant_id" },
            tree => GeneratedProject.OptionsFor(tree.FilePath));

        var result = await AnalyzerRun.RunAsync(compilation, migrations, options);

        Assert.Empty(result.AnalyzerExceptions);
        // The run did real work: every rule and every configuration diagnostic fired somewhere.
        var ids = result.Diagnostics.Select(d => d.Id).ToHashSet();
        Assert.Subset(ids, new HashSet<string> { "TG0001", "TG0002", "TG0003", "TG0004", "TG0901", "TG0902" });
    }

    private static bool IsBuildOutput(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        return path.Contains(separator + "bin" + separator, StringComparison.Ordinal) ||
               path.Contains(separator + "obj" + separator, StringComparison.Ordinal) ||
               path.Contains(separator + ".git" + separator, StringComparison.Ordinal);
    }
}
