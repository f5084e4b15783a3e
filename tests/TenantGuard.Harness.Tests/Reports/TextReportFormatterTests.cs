using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class TextReportFormatterTests
{
    [Fact]
    public void Findings_are_grouped_by_table_with_their_fixes()
    {
        var text = new TextReportFormatter(colour: false).Format(SampleReports.WithEverything());

        var database = text.IndexOf("(database-wide)", StringComparison.Ordinal);
        var docs = text.IndexOf("public.docs\n", StringComparison.Ordinal);
        var notes = text.IndexOf("public.notes\n", StringComparison.Ordinal);
        Assert.True(database >= 0 && database < docs && docs < notes, text);
        Assert.Contains("fix: ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;", text);
        // An absolute link: the report is read in the user's repository, where docs/rules does not exist.
        Assert.Contains("see https://github.com/tenantguard/tenantguard/blob/main/docs/rules/TG1001.md (offline: tenantguard explain TG1001)", text);
        Assert.Contains("Global agents are shared on purpose.", text);
        Assert.Contains("Waivers that matched nothing", text);
        Assert.Contains("4 finding(s): 4 error(s)", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void Colour_is_only_written_when_asked_for()
    {
        var text = new TextReportFormatter(colour: true).Format(SampleReports.WithEverything());

        Assert.Contains("\u001b[31m", text);
    }

    [Fact]
    public void A_clean_report_says_so()
    {
        Assert.Contains("No findings", new TextReportFormatter(false).Format(SampleReports.Clean()));
    }
}
