using TenantGuard.Benchmarks.Results;
using TenantGuard.Benchmarks.Rls;

namespace TenantGuard.Benchmarks.Tests;

/// <summary>A small, fully populated results document for the tests that do not measure anything.</summary>
internal static class SampleResults
{
    public static BenchmarkResults Create()
    {
        var measurements = new List<RlsMeasurement>();
        foreach (var shape in QueryShapes.All)
        {
            foreach (var mode in RlsModes.All)
            {
                var ratio = mode switch
                {
                    RlsMode.ExplicitFilter => 1.0,
                    RlsMode.NonSargablePolicy => 40.0 + (int)shape,
                    RlsMode.FunctionPerRowPolicy => 120.0,
                    _ => 1.01,
                };
                measurements.Add(new RlsMeasurement(100_000, shape.Key(), mode.Key(), 300 * ratio, 310 * ratio, 12.5, ratio));
            }
        }

        return new BenchmarkResults
        {
            CreatedUtc = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero),
            RunKind = "quick",
            Machine = new MachineInfo { Os = "Linux", ProcessorCount = 2, CpuModel = "Test CPU", MemoryGiB = 8, Runtime = ".NET 10", PostgresVersion = "15.8" },
            Rls = measurements,
            RoundTrips = [new RoundTripMeasurement(100_000, "set-tenant", "open + BEGIN + set_config + COMMIT", 180.5)],
            Plans = [new QueryPlan(100_000, "point-lookup", "rls-policy", "SELECT 1", "Index Scan using orders_pkey on orders")],
            Analyzer = new AnalyzerCostResult
            {
                Files = 2000,
                Iterations = 3,
                BaselineMedianMilliseconds = 3000,
                WithRulesMedianMilliseconds = 3200,
                Ratio = 1.0667,
                ExpectedDiagnostics = new Dictionary<string, int> { ["TG0001"] = 3, ["TG0002"] = 4 },
                ActualDiagnostics = new Dictionary<string, int> { ["TG0001"] = 3, ["TG0002"] = 4 },
                PerAnalyzer = [new AnalyzerTime("TG0002QueryWithoutTenantFilter", "TG0002", 120.5)],
            },
            Harness =
            [
                new HarnessScaleMeasurement(10, 3, 450, 530, 900, 1.178, 2.0,
                    new Dictionary<string, double> { ["start"] = 190, ["migrate"] = 140, ["audit"] = 60, ["seed"] = 45, ["attack"] = 220, ["stop"] = 130 },
                    "audit 0 findings, exit 0; attacks 0 findings, exit 0, 60 controls passed"),
            ],
            Ratios = measurements.Where(m => m.Mode != RlsMode.ExplicitFilter.Key())
                .ToDictionary(m => RatioKeys.Rls(m.Rows, m.Shape, m.Mode), m => m.RatioToBaseline),
        };
    }
}
