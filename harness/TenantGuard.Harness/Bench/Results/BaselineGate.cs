namespace TenantGuard.Harness.Bench.Results;

/// <summary>One query compared with the baseline run.</summary>
/// <param name="PolicyChange">How the table's policies differ from the baseline's, when they do.</param>
public sealed record BaselineComparison(
    string Key, double? Baseline, double? Current, double? Limit, BaselineVerdict Verdict, IReadOnlyList<string> Policies, string? PolicyChange);

public enum BaselineVerdict
{
    Held,
    Regressed,
    NotMeasured,
    New,
}

/// <summary>
/// Compares a run's ratios with a baseline run's. The tolerance comes from the spread both runs measured: a ratio
/// regresses when its median passes the baseline's upper 95% bound plus half the current interval's width, and never
/// within <see cref="MinimumTolerance"/> of the baseline's median (a very quiet baseline would otherwise fail on noise).
/// Comparing nothing is not a pass.
/// </summary>
public sealed record BaselineGate(IReadOnlyList<BaselineComparison> Rows)
{
    public const double MinimumTolerance = 0.2;

    public IReadOnlyList<BaselineComparison> Regressions => Rows.Where(r => r.Verdict == BaselineVerdict.Regressed).ToList();

    public int Compared => Rows.Count(r => r.Verdict is BaselineVerdict.Held or BaselineVerdict.Regressed);

    public bool Passed => Compared > 0 && Regressions.Count == 0;

    public static BaselineGate Compare(BenchResults baseline, BenchResults current)
    {
        var now = current.Queries.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var rows = new List<BaselineComparison>();
        foreach (var before in baseline.Queries.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (!now.TryGetValue(before.Key, out var after))
            {
                rows.Add(new BaselineComparison(before.Key, before.Ratio.Median, null, null, BaselineVerdict.NotMeasured, before.Policies, null));
                continue;
            }

            var limit = Math.Max(before.Ratio.High + (after.Ratio.High - after.Ratio.Low) / 2, before.Ratio.Median * (1 + MinimumTolerance));
            var verdict = after.Ratio.Median > limit ? BaselineVerdict.Regressed : BaselineVerdict.Held;
            var changed = before.Policies.SequenceEqual(after.Policies)
                ? null
                : $"policies were [{string.Join("; ", before.Policies)}], now [{string.Join("; ", after.Policies)}]";
            rows.Add(new BaselineComparison(before.Key, before.Ratio.Median, after.Ratio.Median, Math.Round(limit, 4), verdict, after.Policies, changed));
        }

        var known = baseline.Queries.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(current.Queries.Where(q => !known.Contains(q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => new BaselineComparison(q.Key, null, q.Ratio.Median, null, BaselineVerdict.New, q.Policies, null)));
        return new BaselineGate(rows);
    }
}
