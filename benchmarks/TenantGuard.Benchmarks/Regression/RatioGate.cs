namespace TenantGuard.Benchmarks.Regression;

/// <summary>
/// Compares a run's ratios with the baseline. A ratio regresses when current &gt; baseline × (1 + threshold); the gate
/// passes when nothing regressed and at least one baseline ratio was measured (comparing nothing is not a pass).
/// </summary>
public static class RatioGate
{
    public static GateReport Compare(
        IReadOnlyDictionary<string, double> baseline, IReadOnlyDictionary<string, double> current, double threshold)
    {
        if (threshold is < 0 or > 10 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "expected a relative tolerance between 0 and 10, such as 0.25");
        }

        var rows = new List<RatioComparison>();
        foreach (var (key, expected) in baseline.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var limit = expected * (1 + threshold);
            if (!current.TryGetValue(key, out var measured))
            {
                rows.Add(new RatioComparison(key, expected, null, limit, RatioVerdict.NotMeasured));
                continue;
            }

            var verdict = measured > limit ? RatioVerdict.Regressed
                : measured < expected / (1 + threshold) ? RatioVerdict.Improved
                : RatioVerdict.Held;
            rows.Add(new RatioComparison(key, expected, measured, limit, verdict));
        }

        foreach (var (key, measured) in current.Where(p => !baseline.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            rows.Add(new RatioComparison(key, null, measured, double.NaN, RatioVerdict.New));
        }

        return new GateReport(threshold, rows);
    }
}
