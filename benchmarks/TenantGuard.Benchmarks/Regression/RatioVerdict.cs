namespace TenantGuard.Benchmarks.Regression;

public enum RatioVerdict
{
    /// <summary>Within the threshold.</summary>
    Held,

    /// <summary>Better than the baseline by more than the threshold: consider committing a new baseline.</summary>
    Improved,

    /// <summary>Worse than the baseline by more than the threshold: the gate fails.</summary>
    Regressed,

    /// <summary>In the baseline but not measured by this run (a quick run skips the larger tables).</summary>
    NotMeasured,

    /// <summary>Measured but not in the baseline yet.</summary>
    New,
}

public sealed record RatioComparison(string Key, double? Baseline, double? Current, double Limit, RatioVerdict Verdict)
{
    /// <summary>Current over baseline: 1.10 means the ratio grew by 10%.</summary>
    public double? Change => Baseline is > 0 && Current is { } current ? current / Baseline.Value : null;
}
