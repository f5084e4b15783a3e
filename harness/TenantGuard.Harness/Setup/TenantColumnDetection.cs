using TenantGuard.Harness.Databases;

namespace TenantGuard.Harness.Setup;

/// <summary>
/// The tenant column: among columns whose name says tenant (tenant_id, org_id, workspace_id…), the one most tables
/// have. A tie prefers the name with "tenant" in it, then the default tenant_id, then the first by name, and says so.
/// </summary>
/// <param name="Column">The column chosen; null when no column looks like a tenant key.</param>
/// <param name="TablesPerCandidate">Tenant-looking columns with how many tables have each, most first.</param>
public sealed record TenantColumnDetection(string? Column, string Reason, IReadOnlyList<KeyValuePair<string, int>> TablesPerCandidate)
{
    private const string DefaultColumn = "tenant_id";

    /// <param name="columnsPerTable">Each table's column names.</param>
    public static TenantColumnDetection From(IReadOnlyList<IReadOnlyList<string>> columnsPerTable)
    {
        var candidates = columnsPerTable
            .SelectMany(columns => columns.Distinct(StringComparer.Ordinal))
            .Where(TenantColumnHint.LooksLikeTenantColumn)
            .GroupBy(name => name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(c => c.Value)
            .ThenByDescending(c => c.Key.Contains("tenant", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(c => c.Key == DefaultColumn)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return new TenantColumnDetection(null,
                $"no column of the {columnsPerTable.Count} table(s) looks like a tenant key (a name with tenant, org, account, workspace, " +
                "team, company, customer or client that ends in id)", candidates);
        }

        var (column, tables) = candidates[0];
        var others = candidates.Skip(1).Select(c => $"{c.Key} ({c.Value})").ToList();
        var reason = $"{column} is on {tables} of {columnsPerTable.Count} table(s), the most of the columns that look like a tenant key" +
                     (others.Count == 0 ? "" : $"; also seen: {string.Join(", ", others)}");
        if (candidates.Count > 1 && candidates[1].Value == tables)
            reason += $"; {candidates[1].Key} is on as many tables, so check the choice";
        return new TenantColumnDetection(column, reason, candidates);
    }
}
