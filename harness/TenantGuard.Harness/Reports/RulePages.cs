using System.Collections.Concurrent;

namespace TenantGuard.Harness.Reports;

/// <summary>The rule pages (docs/rules/&lt;ID&gt;.md) built into the harness, so reports can carry a rule's help offline.</summary>
public static class RulePages
{
    private static readonly ConcurrentDictionary<string, string?> Pages = new(StringComparer.Ordinal);

    /// <summary>The page's Markdown, or null for a rule without one.</summary>
    public static string? Markdown(string ruleId) => Pages.GetOrAdd(ruleId, static id =>
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
