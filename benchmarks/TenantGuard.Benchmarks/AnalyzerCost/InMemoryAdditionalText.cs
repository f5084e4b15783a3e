using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>An AdditionalFiles entry (a migration) handed to the analyzers without touching the disk.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
