namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>
/// The median of a sample with its 95% confidence interval, read off the sorted sample itself (order statistics of
/// the binomial): no assumption of normal noise, which a shared machine's bursts of load do not give.
/// </summary>
public sealed record SampleSummary(double Median, double Low, double High, double Mean, double StdDev, int Count)
{
    public static SampleSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("a summary needs at least one value", nameof(values));
        var sorted = values.Order().ToArray();
        var (low, high) = MedianInterval(sorted.Length);
        var mean = sorted.Average();
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / Math.Max(sorted.Length - 1, 1);
        return new SampleSummary(MedianOf(sorted), sorted[low], sorted[high], mean, Math.Sqrt(variance), sorted.Length);
    }

    /// <summary>The interval's width over the median: 0.1 means the median is known to ±5%.</summary>
    public double RelativeWidth => Median > 0 ? (High - Low) / Median : 0;

    public static double MedianOf(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Zero-based ranks (j, k) of the sorted sample that bound the median with at least 95% coverage: the
    /// widest j with P(Binomial(n, ½) &lt; j+1) ≤ 2.5%, and its mirror. Small samples fall back to the extremes.</summary>
    internal static (int Low, int High) MedianInterval(int n)
    {
        var tail = 0.0;
        var probability = Math.Pow(0.5, n);
        var j = 0;
        // P(X <= j) for X ~ Binomial(n, 1/2), grown term by term until it passes 2.5%.
        for (var i = 0; i < n; i++)
        {
            tail += probability;
            if (tail > 0.025)
                break;
            j = i + 1;
            probability = probability * (n - i) / (i + 1);
        }

        var low = Math.Max(j - 1, 0);
        return (low, n - 1 - low);
    }
}
