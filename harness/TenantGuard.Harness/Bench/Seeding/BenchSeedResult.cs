namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>What one table got: its rows, how long they took, or why it got none.</summary>
public sealed record SeededTable(string Table, long Rows, double Seconds, string? Problem = null);

/// <summary>What the bench seeder made: the tenants' values (index 0 is the whale) and each table's rows.</summary>
public sealed record BenchSeedResult(IReadOnlyList<string> Tenants, IReadOnlyList<SeededTable> Tables, double Seconds, double AnalyzeSeconds)
{
    public long Rows => Tables.Sum(t => t.Rows);

    /// <summary>Rows written per second of inserting (ANALYZE not counted).</summary>
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}
