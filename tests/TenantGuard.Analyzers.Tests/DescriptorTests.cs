using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests;

/// <summary>Every rule is documented, linked and tracked for release.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> DescriptorIds() => new(AllAnalyzers.Descriptors.Select(d => d.Id));

    [Fact]
    public void Every_rule_and_configuration_diagnostic_is_shipped()
    {
        Assert.Equal(
            new[] { "TG0001", "TG0002", "TG0003", "TG0004", "TG0005", "TG0006", "TG0900", "TG0901", "TG0902", "TG0903" },
            AllAnalyzers.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Help_link_points_at_the_rule_page_that_exists_in_docs(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        Assert.Equal("https://github.com/tenantguard/tenantguard/blob/main/docs/rules/" + id + ".md", descriptor.HelpLinkUri);

        var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + " ", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Category_severity_and_release_tracking(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        Assert.Equal(id.StartsWith("TG09", StringComparison.Ordinal) ? "Configuration" : "Security", descriptor.Category);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "analyzers", "TenantGuard.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | Warning", unshipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_pages_explain_the_attack_the_fix_and_suppression()
    {
        foreach (var id in new[] { "TG0001", "TG0002", "TG0003", "TG0004", "TG0005", "TG0006" })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md"));
            Assert.Contains("## The attack it prevents", text, StringComparison.Ordinal);
            Assert.Contains("## How to fix", text, StringComparison.Ordinal);
            Assert.Contains("Suppress", text, StringComparison.Ordinal);
            Assert.Contains("## Examples", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_code_fix_supports_fix_all_in_the_solution_as_dotnet_format_asks()
    {
        Assert.Equal(4, AllAnalyzers.CodeFixes.Length);
        foreach (var fix in AllAnalyzers.CodeFixes)
        {
            // The planned fix-all skips diagnostics without a fix (CodeFixes/FixAllTests) where the batch fixer gives up.
            Assert.IsAssignableFrom<TenantGuard.CodeFixes.PlannedCodeFixProvider>(fix);
            Assert.Contains(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, fix.GetFixAllProvider()!.GetSupportedFixAllScopes());
        }
    }
}
