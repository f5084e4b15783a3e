using TenantGuard.Harness.Bench.Diagnosis;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Bench.Seeding;
using TenantGuard.Harness.Bench.Shapes;

namespace TenantGuard.Harness.Bench.Results;

/// <summary>
/// Everything one bench run measured, as written with --format json and read back with --baseline. Ratios (RLS over
/// the no-RLS baseline, in the same rounds) are what a baseline compares: they survive a change of machine, times do not.
/// </summary>
public sealed record BenchResults
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public DateTimeOffset CreatedUtc { get; init; }
    public string Server { get; init; } = "";
    public string AppRole { get; init; } = "";
    public string TenantSetting { get; init; } = "";
    public BenchData Data { get; init; } = new();
    public SamplerSettings Sampler { get; init; } = SamplerSettings.Quick;
    public IReadOnlyList<QueryResult> Queries { get; init; } = [];
    public IReadOnlyList<SkippedQuery> Skipped { get; init; } = [];

    /// <summary>Every slow cause found in the policies and indexes, whether or not a measured ratio is high.</summary>
    public IReadOnlyList<SlowCause> Causes { get; init; } = [];
    public double WallSeconds { get; init; }
}

/// <summary>The data the queries ran on: its shape and how long seeding took.</summary>
public sealed record BenchData
{
    public long RowsPerTable { get; init; }
    public int Tenants { get; init; }
    public double Skew { get; init; }
    public long RowsSeeded { get; init; }
    public double SeedSeconds { get; init; }
    public double RowsPerSecond { get; init; }
    public double AnalyzeSeconds { get; init; }
    public IReadOnlyList<SeededTable> Tables { get; init; } = [];
}

/// <summary>One query: both statements, their times and ratio (median with 95% interval), the table's policies, the
/// plans of both sides, and the causes named when the ratio is high.</summary>
public sealed record QueryResult
{
    /// <summary>A ratio whose interval lies wholly above this is high, and its causes are named.</summary>
    public const double HighRatio = 1.5;

    public string Key { get; init; } = "";
    public string Shape { get; init; } = "";
    public string? Table { get; init; }
    public string? Source { get; init; }
    public string RlsSql { get; init; } = "";
    public string BaselineSql { get; init; } = "";
    public SampleSummary RlsMicroseconds { get; init; } = null!;
    public SampleSummary BaselineMicroseconds { get; init; } = null!;
    public SampleSummary Ratio { get; init; } = null!;
    public IReadOnlyList<string> Policies { get; init; } = [];
    public IReadOnlyList<SlowCause> Causes { get; init; } = [];
    public string RlsPlan { get; init; } = "";
    public string BaselinePlan { get; init; } = "";

    public bool IsHigh => Ratio.Low >= HighRatio;
}
