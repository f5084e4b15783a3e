using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class ReportFilterTests
{
    [Fact]
    public void No_filter_keeps_every_finding_and_fails_on_any_severity()
    {
        var report = ReportFilter.None.Apply(new Report([SampleReports.Shared]));

        Assert.Single(report.Findings);
        Assert.Equal(1, report.ExitCode);
        Assert.False(report.Facts.ContainsKey("failOn"));
    }

    [Fact]
    public void Only_the_named_rules_are_reported_with_their_waivers_stale_waivers_and_descriptors()
    {
        var report = new ReportFilter(["tg1001"], []).Apply(SampleReports.WithEverything());

        Assert.Equal(["TG1001"], report.Findings.Select(f => f.Rule).Distinct());
        Assert.Empty(report.Waived);
        Assert.Empty(report.UnmatchedWaivers);
        Assert.Equal(["TG1001"], report.Rules.Select(r => r.Id));
        Assert.Equal("tg1001", report.Facts["rules"]);
    }

    [Fact]
    public void Skipped_rules_are_left_out_and_the_rest_stays()
    {
        var report = new ReportFilter([], ["TG1003", "TG1011"]).Apply(SampleReports.WithEverything());

        Assert.Equal(["TG1001", "TG1004"], report.Findings.Select(f => f.Rule).Order());
        Assert.Empty(report.Waived);
        Assert.Empty(report.UnmatchedWaivers);
        Assert.Equal(1, report.ExitCode);
    }

    [Theory]
    [InlineData(Severity.Error, 0)]
    [InlineData(Severity.Warning, 1)]
    [InlineData(Severity.Info, 1)]
    public void A_warning_fails_the_run_only_from_its_severity_up(Severity failOn, int exitCode)
    {
        var report = new ReportFilter([], [], failOn).Apply(new Report([SampleReports.Shared]));

        Assert.Equal(exitCode, report.ExitCode);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void A_stale_waiver_fails_the_run_whatever_the_failing_severity()
    {
        var report = new ReportFilter([], [], Severity.Error).Apply(new Report([], unmatchedWaivers: [SampleReports.StaleWaiver]));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal("error", report.Facts["failOn"]);
    }

    [Fact]
    public void The_text_report_says_why_findings_below_the_failing_severity_pass()
    {
        var report = new ReportFilter([], [], Severity.Error).Apply(new Report([SampleReports.Shared]));

        var text = new TextReportFormatter(colour: false).Format(report);

        Assert.Contains("1 finding(s): 0 error(s), 1 warning(s)", text);
        Assert.Contains("None at or above the failing severity (error), so the run passes.", text);
    }
}
