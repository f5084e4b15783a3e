using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>AdditionalFiles and .editorconfig values for running analyzers outside the test framework.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

internal sealed class InMemoryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

/// <summary>Gives each tree its own options through <paramref name="perTree"/>; global options for everything else.</summary>
internal sealed class InMemoryConfigOptionsProvider(
    IReadOnlyDictionary<string, string> global, Func<SyntaxTree, IReadOnlyDictionary<string, string>> perTree) : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigOptions _global = new InMemoryConfigOptions(global);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new InMemoryConfigOptions(perTree(tree));

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;
}

/// <summary>Runs every TenantGuard analyzer over a compilation and collects what an IDE or build would see as AD0001.</summary>
internal static class AnalyzerRun
{
    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerExceptions);

    public static async Task<Result> RunAsync(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider options)
    {
        var exceptions = new List<string>();
        var analyzerOptions = new AnalyzerOptions(additionalFiles, options);
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers.Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(analyzer.GetType().Name + ": " + exception);
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return new Result(diagnostics, exceptions);
    }
}
