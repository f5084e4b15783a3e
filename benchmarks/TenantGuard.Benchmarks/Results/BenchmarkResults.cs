namespace TenantGuard.Benchmarks.Results;

/// <summary>
/// Everything one benchmark run measured. Absolute times are for reading; <see cref="Ratios"/> is what the
/// regression gate compares, because ratios measured in the same run survive a change of machine.
/// </summary>
public sealed record BenchmarkResults
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public DateTimeOffset CreatedUtc { get; init; }
    public string RunKind { get; init; } = "full";
    public MachineInfo Machine { get; init; } = new();
    /// <summary>The matrix, measured interleaved (see RlsMatrixSampler): the ratios here are the gated ones.</summary>
    public IReadOnlyList<RlsMeasurement> Rls { get; init; } = [];

    /// <summary>Full runs only: the same requests measured case by case by BenchmarkDotNet.</summary>
    public IReadOnlyList<RlsMeasurement> RlsBenchmarkDotNet { get; init; } = [];
    public IReadOnlyList<RoundTripMeasurement> RoundTrips { get; init; } = [];
    public IReadOnlyList<QueryPlan> Plans { get; init; } = [];
    public AnalyzerCostResult? Analyzer { get; init; }
    public IReadOnlyList<HarnessScaleMeasurement> Harness { get; init; } = [];

    /// <summary>Gate keys such as <c>rls/100000/point-lookup/rls-policy</c> → ratio to the same run's baseline.</summary>
    public IReadOnlyDictionary<string, double> Ratios { get; init; } = new Dictionary<string, double>();
}

/// <summary>One shape × mode at one table size: what an application pays per request.</summary>
public sealed record RlsMeasurement(
    long Rows, string Shape, string Mode, double MedianMicroseconds, double MeanMicroseconds,
    double StdDevMicroseconds, double RatioToBaseline);

/// <summary>A per-request cost that is not a query: the tenant setting's round trip, a bare round trip.</summary>
public sealed record RoundTripMeasurement(long Rows, string Name, string Description, double MedianMicroseconds);

/// <summary>EXPLAIN (ANALYZE) output of one shape × mode, as the application role sees it.</summary>
public sealed record QueryPlan(long Rows, string Shape, string Mode, string Sql, string Plan);

public sealed record AnalyzerCostResult
{
    public int Files { get; init; }
    public int Iterations { get; init; }
    public double BaselineMedianMilliseconds { get; init; }
    public double WithRulesMedianMilliseconds { get; init; }
    public double Ratio { get; init; }
    public IReadOnlyDictionary<string, int> ExpectedDiagnostics { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> ActualDiagnostics { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<AnalyzerTime> PerAnalyzer { get; init; } = [];
}

/// <summary>Execution time Roslyn's telemetry attributes to one analyzer, and the rules it reports.</summary>
public sealed record AnalyzerTime(string Analyzer, string Rules, double Milliseconds);

/// <summary>
/// The harness on a synthetic schema of <see cref="Tables"/> tenant tables: medians of the physical limit, of
/// start + migrate + audit + stop, and of the same with the attacks (check), the ratios of the two to the limit, and
/// check's phases (start, migrate, audit, seed, attack, stop).
/// </summary>
public sealed record HarnessScaleMeasurement(
    int Tables, int Repetitions, double LimitMilliseconds, double AuditMilliseconds, double CheckMilliseconds,
    double AuditRatio, double CheckRatio, IReadOnlyDictionary<string, double> CheckPhasesMilliseconds, string Outcome);
