using System.Xml.Linq;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class JunitReportFormatterTests
{
    [Fact]
    public void Findings_fail_waivers_skip_and_clean_rules_pass()
    {
        var xml = XDocument.Parse(new JunitReportFormatter().Format(SampleReports.WithEverything()));
        var cases = xml.Descendants("testcase").ToList();

        // 4 findings + 1 waived + the rules without results (all but 3) + 1 unmatched waiver.
        Assert.Equal(4 + 1 + (AuditRules.All.Count - 3) + 1, cases.Count);
        Assert.Equal(5, cases.Count(c => c.Element("failure") is not null));
        Assert.Single(cases, c => c.Element("skipped") is not null);
        Assert.Equal("5", xml.Root!.Attribute("failures")!.Value);
        Assert.Equal(cases.Count, cases.Select(c => c.Attribute("name")!.Value).Distinct().Count());
        Assert.Contains(cases, c => c.Attribute("name")!.Value == "TG1003 public.docs #2");
    }

    [Fact]
    public void The_document_declares_utf8()
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", new JunitReportFormatter().Format(SampleReports.Clean()));
    }

    [Fact]
    public void A_clean_report_has_one_passing_case_per_rule()
    {
        var xml = XDocument.Parse(new JunitReportFormatter().Format(SampleReports.Clean()));

        Assert.Equal(AuditRules.All.Count, xml.Descendants("testcase").Count());
        Assert.Empty(xml.Descendants("failure"));
    }
}
