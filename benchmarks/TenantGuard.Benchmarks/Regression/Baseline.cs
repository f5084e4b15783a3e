namespace TenantGuard.Benchmarks.Regression;

/// <summary>
/// The committed ratios a run is compared with (benchmarks/baseline/baseline.json). Ratios, not times: a ratio of
/// two operations measured in the same run on the same machine carries over to another machine; a time does not.
/// </summary>
public sealed record Baseline
{
    public const double DefaultThreshold = 0.5;

    /// <summary>Where the numbers came from (machine, date, run kind), for the reader.</summary>
    public string Source { get; init; } = "";

    /// <summary>Relative worsening tolerated before the gate fails: 0.5 means a ratio may grow by 50% (see docs/benchmarks.md).</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    public IReadOnlyDictionary<string, double> Ratios { get; init; } = new Dictionary<string, double>();
}
