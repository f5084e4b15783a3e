namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>How long the paired sampler measures: rounds (each arm once per round), the time one arm's batch of
/// requests should take, and the requests run first to warm caches and size the batches.</summary>
public sealed record SamplerSettings(int Rounds, TimeSpan BatchTime, int WarmupRequests)
{
    public static SamplerSettings Quick { get; } = new(15, TimeSpan.FromMilliseconds(20), 5);

    public static SamplerSettings Full { get; } = new(31, TimeSpan.FromMilliseconds(50), 20);
}
