using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class MarkdownReportFormatterTests
{
    private static string Format(Report report) => new MarkdownReportFormatter().Format(report);

    [Fact]
    public void A_failing_report_has_the_verdict_a_row_per_finding_and_its_fix_folded()
    {
        var markdown = Format(SampleReports.WithEverything());

        Assert.StartsWith("## TenantGuard: ❌ failed\n", markdown);
        Assert.Contains("| Rule | Severity | Object | Migration | Message |", markdown);
        Assert.Contains("| [TG1001](https://github.com/tenantguard/tenantguard/blob/main/docs/rules/TG1001.md) | error | `public.notes` |", markdown);
        Assert.Contains("<details><summary>TG1001 public.notes</summary>", markdown);
        Assert.Contains("```sql\nALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;\n```", markdown);
        Assert.Contains("Evidence:\n\n```\ndocs_all USING: true\n```", markdown);
        Assert.Contains("4 finding(s): 4 error(s), 0 warning(s), 0 info; 1 waived; 1 unmatched waiver(s).", markdown);
    }

    [Fact]
    public void Waived_findings_stale_waivers_and_facts_are_listed()
    {
        var markdown = Format(SampleReports.WithEverything());

        Assert.Contains("### Waived (1)", markdown);
        Assert.Contains("| `public.agents` | Global agents are shared on purpose. |", markdown);
        Assert.Contains("### Waivers that matched nothing (1)", markdown);
        Assert.Contains("- [TG1011](https://github.com/tenantguard/tenantguard/blob/main/docs/rules/TG1011.md) `public.gone`: Old table.", markdown);
        Assert.Contains("| appRole | app\\_user |", markdown);
    }

    [Fact]
    public void A_clean_report_passes_without_a_findings_table()
    {
        var markdown = Format(SampleReports.Clean());

        Assert.StartsWith("## TenantGuard: ✅ passed\n", markdown);
        Assert.DoesNotContain("| Rule |", markdown);
    }

    [Fact]
    public void Findings_below_the_failing_severity_pass_but_are_still_shown()
    {
        var report = new ReportFilter([], [], Severity.Error).Apply(new Report([SampleReports.Shared]));

        var markdown = Format(report);

        Assert.StartsWith("## TenantGuard: ✅ passed (findings below the failing severity)\n", markdown);
        Assert.Contains("| warning | `public.agents` |", markdown);
    }

    [Fact]
    public void Pipes_line_breaks_and_markup_in_messages_stay_inside_their_cell()
    {
        var finding = new Finding("TG1003", Severity.Error, "public.a|b", "USING (a || b) <> c\nsecond line", "SELECT '```';")
        {
            Location = "db/001.sql:3",
        };

        var markdown = Format(new Report([finding]));

        var row = markdown.Split('\n').Single(l => l.StartsWith("| [TG1003]", StringComparison.Ordinal));
        Assert.Equal(6, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        Assert.Contains("USING (a \\|\\| b) &lt;&gt; c |", row);
        Assert.DoesNotContain("second line", row);
        Assert.Contains("`db/001.sql:3`", row);
        Assert.Contains("````sql\nSELECT '```';\n````", markdown);
    }

    [Fact]
    public void The_format_is_chosen_by_name()
    {
        Assert.True(ReportFormats.TryParse("markdown", out var format));
        Assert.IsType<MarkdownReportFormatter>(ReportFormats.CreateFormatter(format));
    }
}
