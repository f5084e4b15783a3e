using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies a fix provider the way `dotnet format analyzers --diagnostics ID` does: it registers fixes for the first
/// diagnostic of the solution only, then asks the provider's Fix All for the whole solution under that fix's
/// equivalence key (null when the first diagnostic has no fix).
/// </summary>
internal static class DotnetFormatFixAll
{
    /// <summary>The fixed source, or null when Fix All returned no action ("didn't return a Fix All action").</summary>
    public static async Task<string?> ApplyAsync(string source, string diagnosticId, CodeFixProvider fix)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(TestReferences.All);
        var document = project.AddDocument("Consumer.cs", SourceText.From(source));
        var migrations = document.Project.AddAdditionalDocument("001_init.sql", SourceText.From(Migrations.Default), filePath: Migrations.Path);
        document = migrations.Project.GetDocument(document.Id)!;

        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new AnalyzerOptions([.. migrations.Project.AdditionalDocuments.Select(d => (AdditionalText)new InMemoryAdditionalText(d.FilePath!, Migrations.Default))]);
        var diagnostics = (await compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == diagnosticId)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.NotEmpty(diagnostics);

        CodeAction? action = null;
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (a, _) => action ??= a, CancellationToken.None));
        var context = new FixAllContext(
            document, fix, FixAllScope.Solution, action?.EquivalenceKey!, [diagnosticId], new Diagnostics(diagnostics), CancellationToken.None);
        var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(context);
        if (fixAll == null)
        {
            return null;
        }

        var change = (await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return (await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
