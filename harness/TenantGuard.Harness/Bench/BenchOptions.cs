using TenantGuard.Harness.Bench.Queries;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Bench.Seeding;

namespace TenantGuard.Harness.Bench;

/// <summary>What a bench run does: the data's shape, the team's own queries, and how long each pair is sampled.</summary>
public sealed record BenchOptions
{
    public BenchDataShape Data { get; init; } = BenchDataShape.Default;

    public IReadOnlyList<TeamQuery> Queries { get; init; } = [];

    public SamplerSettings Sampler { get; init; } = SamplerSettings.Quick;

    /// <summary>Ordinary tenants the requests rotate over (the whale is never one of them).</summary>
    public int SampleTenants { get; init; } = 8;

    public IProgress<string>? Progress { get; init; }
}
