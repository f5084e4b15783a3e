using TenantGuard.Benchmarks.HarnessCost;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Tests;

public class HarnessScaleTests
{
    [Fact]
    public void Linearity_compares_the_cost_per_table_of_the_last_step_with_the_first()
    {
        // 10 → 200 tables: +1900 ms, 10 ms a table; 200 → 1000: +12000 ms, 15 ms a table.
        var measurements = new[] { Measured(1000, 14_000), Measured(10, 100), Measured(200, 2_000) };

        Assert.Equal(1.5, HarnessScaleRunner.Linearity(measurements));
    }

    [Fact]
    public void Each_size_gives_an_audit_and_a_check_ratio_and_three_sizes_give_linearity()
    {
        var two = HarnessScaleRunner.Ratios([Measured(10, 100), Measured(200, 2_000)]).Select(r => r.Key).ToList();
        var three = HarnessScaleRunner.Ratios([Measured(10, 100), Measured(200, 2_000), Measured(1000, 10_000)]).ToDictionary();

        Assert.Equal(["harness/10/audit", "harness/10/check", "harness/200/audit", "harness/200/check"], two);
        Assert.Equal(1.0, three[RatioKeys.HarnessLinearity]);
        Assert.Contains(RatioKeys.LimitLinearity, three.Keys);
        Assert.Contains(RatioKeys.OverheadLinearity, three.Keys);
        Assert.Equal(4, three["harness/1000/check"]);
    }

    [Fact]
    public void The_limit_and_what_check_adds_above_it_have_their_own_linearity()
    {
        // The limit grows 2 ms a table, then 4 (the server's DDL slows as the catalog grows); check stays 3 ms above it
        // a table in both steps, so what the harness adds is linear while check as a whole is not.
        var measurements = new[] { Measured(10, 100, limit: 50), Measured(200, 1_050, limit: 430), Measured(1000, 6_650, limit: 3_630) };

        var ratios = HarnessScaleRunner.Ratios(measurements).ToDictionary();

        Assert.Equal(2.0, ratios[RatioKeys.LimitLinearity]);
        Assert.Equal(1.0, ratios[RatioKeys.OverheadLinearity]);
        Assert.Equal(1.4, ratios[RatioKeys.HarnessLinearity]);
    }

    /// <summary>The real thing on a 3-table schema: the limit, audit and check each ran, the attacks proved isolation.</summary>
    [Fact]
    public async Task A_small_schema_is_measured_against_its_physical_limit()
    {
        var measurement = Assert.Single(await HarnessScaleRunner.RunAsync([3], 1, new Progress<string>(), CancellationToken.None));

        Assert.Equal(3, measurement.Tables);
        Assert.True(measurement is { LimitMilliseconds: > 0, AuditRatio: > 0, CheckRatio: > 0 }, measurement.ToString());
        Assert.Equal(["start", "migrate", "audit", "seed", "attack", "stop"], measurement.CheckPhasesMilliseconds.Keys);
        Assert.Contains("audit 0 findings, exit 0; attacks 0 findings, exit 0", measurement.Outcome, StringComparison.Ordinal);
        Assert.Contains("18 controls passed", measurement.Outcome, StringComparison.Ordinal);
    }

    private static HarnessScaleMeasurement Measured(int tables, double checkMs, double? limit = null) =>
        new(tables, 1, limit ?? checkMs / 4, checkMs / 3, checkMs, 1.3, 4, new Dictionary<string, double>(), "");
}
