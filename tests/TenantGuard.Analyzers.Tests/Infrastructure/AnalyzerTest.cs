using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test on real Dapper/Npgsql/EF Core metadata, with the default migrations as AdditionalFiles unless a
/// test says otherwise. Expected diagnostics are written as {|TG0002:...|} markup in the source.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source, string? migrations = Migrations.Default, string? editorConfig = null)
    {
        TestCode = source;
        TestSupport.Configure(TestState, migrations, editorConfig);
        ReferenceAssemblies = TestSupport.NoReferenceAssemblies;
    }

    public static Task VerifyAsync(string source, string? migrations = Migrations.Default, string? editorConfig = null) =>
        new AnalyzerTest<TAnalyzer>(source, migrations, editorConfig).RunAsync();

    /// <summary>
    /// <paramref name="source"/> in a project referencing another project of the solution made of
    /// <paramref name="referencedSource"/>: as in an IDE, the reference is the other project's compilation (its symbols
    /// have source), where the command-line build would see metadata.
    /// </summary>
    public static Task VerifyWithReferencedProjectAsync(string source, string referencedSource, string? migrations = Migrations.Default, string? editorConfig = null)
    {
        var test = new AnalyzerTest<TAnalyzer>(source, migrations, editorConfig);
        var referenced = new ProjectState("Referenced", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Referenced/File", "cs");
        referenced.Sources.Add(referencedSource);
        referenced.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalProjects.Add("Referenced", referenced);
        test.TestState.AdditionalProjectReferences.Add("Referenced");
        return test.RunAsync();
    }
}
