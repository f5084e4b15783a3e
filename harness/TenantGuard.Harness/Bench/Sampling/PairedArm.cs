namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>One side of a comparison: a name and one request (open, statement, commit) to time.</summary>
public sealed record PairedArm(string Key, Func<CancellationToken, Task> RunOnce);

/// <summary>What the sampler saw of one arm: the mean request time of each round's batch, and that time over the
/// baseline arm's time in the same round.</summary>
public sealed record ArmSamples(string Key, IReadOnlyList<double> Microseconds, IReadOnlyList<double> Ratios)
{
    public SampleSummary Time => SampleSummary.Of(Microseconds);

    public SampleSummary Ratio => SampleSummary.Of(Ratios);
}
