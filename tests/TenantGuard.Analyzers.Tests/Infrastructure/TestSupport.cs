using Microsoft.CodeAnalysis.Testing;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

internal static class TestSupport
{
    /// <summary>No framework package download: <see cref="TestReferences"/> supplies every reference.</summary>
    public static ReferenceAssemblies NoReferenceAssemblies { get; } = new("net10.0");

    public static void Configure(SolutionState state, string? migrations, string? editorConfig)
    {
        state.AdditionalReferences.AddRange(TestReferences.All);
        if (migrations != null)
        {
            state.AdditionalFiles.Add((Migrations.Path, migrations));
        }

        if (editorConfig != null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }
    }
}
