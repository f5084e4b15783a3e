using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>
/// The baseline: an analyzer that does nothing, so the run measures the compilation and the analyzer driver. Handed to
/// CompilationWithAnalyzers directly, hence no [DiagnosticAnalyzer] attribute (this is not an analyzer assembly).
/// </summary>
#pragma warning disable RS1001 // see the summary: never loaded by a compiler as an analyzer
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}
