using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Harness.Tests.Bench;

public sealed class SampleSummaryTests
{
    [Theory]
    [InlineData(15, 3, 11)] // the textbook interval: 4th and 12th of 15, 96.5% coverage
    [InlineData(31, 9, 21)]
    [InlineData(5, 0, 4)] // too few rounds for 95%: the extremes
    public void The_median_interval_uses_the_binomial_order_statistics(int n, int low, int high) =>
        Assert.Equal((low, high), SampleSummary.MedianInterval(n));

    [Fact]
    public void A_summary_holds_the_median_between_its_bounds()
    {
        var summary = SampleSummary.Of([5, 1, 4, 2, 3, 9, 7, 8, 6, 10, 11, 12, 13, 14, 15]);

        Assert.Equal(8, summary.Median);
        Assert.Equal(4, summary.Low);
        Assert.Equal(12, summary.High);
        Assert.Equal(15, summary.Count);
    }
}
