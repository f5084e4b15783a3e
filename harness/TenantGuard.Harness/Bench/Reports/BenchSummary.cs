using System.Globalization;
using TenantGuard.Harness.Bench.Results;
using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Harness.Bench.Reports;

/// <summary>The sentences every format of the bench report shares.</summary>
internal static class BenchSummary
{
    public static string Headline(BenchResults r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Data.RowsPerTable:N0} rows per tenant table over {r.Data.Tenants} tenants (the first holds {r.Data.Skew:P0}); " +
        $"seeded {r.Data.RowsSeeded:N0} rows in {r.Data.SeedSeconds:0.0} s ({r.Data.RowsPerSecond:N0} rows/s, ANALYZE {r.Data.AnalyzeSeconds:0.0} s); " +
        $"{r.Queries.Count} queries measured, {r.WallSeconds:0.0} s in all; {r.Server}, app role {r.AppRole}, tenant setting {r.TenantSetting}.");

    public static string Ratio(SampleSummary ratio) => string.Create(CultureInfo.InvariantCulture,
        $"{ratio.Median:0.00}x [{ratio.Low:0.00}–{ratio.High:0.00}]");

    public static string Micros(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Gate(BaselineGate gate) => gate.Compared == 0
        ? "FAILED: no query of the baseline was measured by this run; nothing was compared."
        : gate.Regressions.Count > 0
            ? $"FAILED: {gate.Regressions.Count} of {gate.Compared} ratios regressed beyond the baseline's spread."
            : $"PASSED: {gate.Compared} ratios within the baseline's spread.";

    public static string Limit(BaselineComparison row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Key}: {row.Baseline:0.00}x -> {row.Current:0.00}x (limit {row.Limit:0.00}x)");
}
