using TenantGuard.Benchmarks.Regression;

namespace TenantGuard.Benchmarks.Tests;

public class RatioGateTests
{
    private static readonly Dictionary<string, double> Baseline = new()
    {
        ["rls/100000/point-lookup/rls-policy"] = 1.02,
        ["rls/100000/tenant-page/non-sargable-policy"] = 40.0,
        ["analyzer/all-rules"] = 1.08,
    };

    [Fact]
    public void Ratios_within_the_threshold_pass()
    {
        var current = new Dictionary<string, double>
        {
            ["rls/100000/point-lookup/rls-policy"] = 1.25,   // limit 1.02 x 1.25 = 1.275
            ["rls/100000/tenant-page/non-sargable-policy"] = 35.0,
            ["analyzer/all-rules"] = 1.10,
        };

        var report = RatioGate.Compare(Baseline, current, 0.25);

        Assert.True(report.Passed);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(3, report.Compared);
        Assert.All(report.Rows, r => Assert.Equal(RatioVerdict.Held, r.Verdict));
    }

    [Fact]
    public void A_ratio_worse_than_the_threshold_fails_and_is_named()
    {
        var current = new Dictionary<string, double>(Baseline) { ["rls/100000/point-lookup/rls-policy"] = 1.30 };

        var report = RatioGate.Compare(Baseline, current, 0.25);

        Assert.False(report.Passed);
        Assert.Equal(1, report.ExitCode);
        var regression = Assert.Single(report.Regressions);
        Assert.Equal("rls/100000/point-lookup/rls-policy", regression.Key);
        Assert.Equal(1.275, regression.Limit, 6);
        Assert.Contains("REGRESSED", report.Format());
        Assert.Contains("FAILED: 1 of 3", report.Format());
    }

    [Fact]
    public void The_threshold_decides_the_verdict()
    {
        var current = new Dictionary<string, double> { ["analyzer/all-rules"] = 1.30 };   // x1.20 of the baseline

        Assert.True(RatioGate.Compare(Baseline, current, 0.25).Passed);
        Assert.False(RatioGate.Compare(Baseline, current, 0.10).Passed);
    }

    [Fact]
    public void Much_better_ratios_are_reported_as_improvements_and_pass()
    {
        var current = new Dictionary<string, double>(Baseline) { ["rls/100000/tenant-page/non-sargable-policy"] = 2.0 };

        var report = RatioGate.Compare(Baseline, current, 0.25);

        Assert.True(report.Passed);
        Assert.Equal(RatioVerdict.Improved, report.Rows.Single(r => r.Key.Contains("non-sargable")).Verdict);
    }

    [Fact]
    public void Unmeasured_and_new_ratios_are_listed_but_do_not_decide()
    {
        var current = new Dictionary<string, double>
        {
            ["analyzer/all-rules"] = 1.05,
            ["rls/1000000/point-lookup/rls-policy"] = 9.0,
        };

        var report = RatioGate.Compare(Baseline, current, 0.25);

        Assert.True(report.Passed);
        Assert.Equal(1, report.Compared);
        Assert.Equal(2, report.Rows.Count(r => r.Verdict == RatioVerdict.NotMeasured));
        Assert.Equal(RatioVerdict.New, report.Rows.Single(r => r.Key.StartsWith("rls/1000000", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void Comparing_nothing_is_a_failure_not_a_pass()
    {
        var report = RatioGate.Compare(Baseline, new Dictionary<string, double> { ["something/else"] = 1.0 }, 0.25);

        Assert.False(report.Passed);
        Assert.Contains("nothing was compared", report.Format());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_nonsense_threshold_is_refused(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RatioGate.Compare(Baseline, Baseline, threshold));
}
