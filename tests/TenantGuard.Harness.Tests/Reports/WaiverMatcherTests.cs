using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class WaiverMatcherTests
{
    [Fact]
    public void Waived_findings_are_kept_and_unmatched_waivers_reported()
    {
        var findings = new[] { SampleReports.NoRls, SampleReports.Shared };

        var (active, waived, unmatched) = WaiverMatcher.Apply(findings, [SampleReports.SharingWaiver, SampleReports.StaleWaiver]);

        Assert.Equal([SampleReports.NoRls], active);
        Assert.Equal(SampleReports.Shared, Assert.Single(waived).Finding);
        Assert.Equal([SampleReports.StaleWaiver], unmatched);
    }

    [Fact]
    public void A_trailing_star_covers_objects_with_that_prefix_and_rules_must_match()
    {
        var waiver = new Waiver("tg1003", "public.*", "All of public shares on purpose.");

        Assert.True(waiver.Matches("TG1003", "public.docs"));
        Assert.False(waiver.Matches("TG1001", "public.docs"));
        Assert.False(waiver.Matches("TG1003", "billing.docs"));
    }
}
