using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>A code fix test (single fix and fix-all) on the same references and migrations as <see cref="AnalyzerTest{TAnalyzer}"/>.</summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource, string? migrations = Migrations.Default, string? editorConfig = null)
    {
        TestCode = source;
        FixedCode = fixedSource;
        TestSupport.Configure(TestState, migrations, editorConfig);
        TestSupport.Configure(FixedState, migrations, editorConfig);
        // Markup in the fixed code marks the diagnostics that remain after the fix.
        FixedState.MarkupHandling = MarkupMode.Allow;
        ReferenceAssemblies = TestSupport.NoReferenceAssemblies;
    }

    public static Task VerifyAsync(string source, string fixedSource, string? migrations = Migrations.Default, string? editorConfig = null) =>
        new CodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource, migrations, editorConfig).RunAsync();
}
