namespace TenantGuard.Benchmarks.Results;

/// <summary>The names under which ratios are stored in results and in the committed baseline.</summary>
public static class RatioKeys
{
    public const string AnalyzerAllRules = "analyzer/all-rules";

    public const string HarnessLinearity = "harness/linearity/check";

    /// <summary>The same for the physical limit: PostgreSQL's own DDL grows faster than linearly with the catalog.</summary>
    public const string LimitLinearity = "harness/linearity/limit";

    /// <summary>The same for what check adds above the limit: the harness's own cost.</summary>
    public const string OverheadLinearity = "harness/linearity/overhead";

    /// <summary>harness/200/check: the command's wall time over the physical limit at 200 tenant tables.</summary>
    public static string Harness(int tables, string command) => $"harness/{tables}/{command}";

    public static string Rls(long rows, string shape, string mode) => $"rls/{rows}/{shape}/{mode}";
}
