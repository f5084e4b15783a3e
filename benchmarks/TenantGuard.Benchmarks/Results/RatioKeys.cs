namespace TenantGuard.Benchmarks.Results;

/// <summary>The names under which ratios are stored in results and in the committed baseline.</summary>
public static class RatioKeys
{
    public const string AnalyzerAllRules = "analyzer/all-rules";

    public static string Rls(long rows, string shape, string mode) => $"rls/{rows}/{shape}/{mode}";
}
