using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>Every analyzer TenantGuard ships, found in its assembly the way the compiler finds them.</summary>
public static class TenantGuardAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All()
    {
        var assembly = typeof(DiagnosticIds).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
                        t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return analyzers.IsEmpty
            ? throw new InvalidOperationException($"{assembly.GetName().Name} holds no diagnostic analyzer")
            : analyzers;
    }

    public static string RulesOf(DiagnosticAnalyzer analyzer) =>
        string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
}
