namespace TenantGuard.Harness.Databases;

/// <summary>When no table has the configured tenant column: the columns that look like one, to suggest instead.</summary>
internal static class TenantColumnHint
{
    private static readonly string[] TenantWords = ["tenant", "team", "org", "account", "workspace", "company", "customer", "client"];

    /// <summary>" Columns that look like a tenant key: a (3 table(s)), …." or "" when none does.</summary>
    public static string Describe(IEnumerable<string> columnPerTable)
    {
        var candidates = columnPerTable
            .Where(LooksLikeTenantColumn)
            .GroupBy(name => name)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => $"{g.Key} ({g.Count()} table(s))")
            .ToList();
        return candidates.Count > 0 ? $" Columns that look like a tenant key: {string.Join(", ", candidates)}." : "";
    }

    internal static bool LooksLikeTenantColumn(string column)
    {
        var lower = column.ToLowerInvariant();
        return (lower.EndsWith("_id", StringComparison.Ordinal) || lower.EndsWith("id", StringComparison.Ordinal))
               && TenantWords.Any(word => lower.Contains(word, StringComparison.Ordinal));
    }
}
