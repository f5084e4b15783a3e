using System.Text;

namespace TenantGuard.Harness.Reports;

/// <summary>The report as GitHub-flavoured Markdown, for job summaries and pull request comments: a heading with the
/// verdict, one table row per finding (rule linked to its page), each fix folded in a <c>&lt;details&gt;</c> block,
/// then waived findings, stale waivers and the run's facts.</summary>
public sealed class MarkdownReportFormatter : IReportFormatter
{
    public string Format(Report report)
    {
        var markdown = new StringBuilder();
        markdown.Append("## TenantGuard: ").AppendLine(Verdict(report)).AppendLine();
        markdown.AppendLine(MarkdownText.Escape(Counts(report))).AppendLine();

        var findings = report.Findings
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Object, StringComparer.Ordinal)
            .ToList();
        if (findings.Count > 0)
        {
            markdown.AppendLine("| Rule | Severity | Object | Migration | Message |");
            markdown.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var finding in findings)
            {
                markdown.Append("| ").Append(RuleLink(finding.Rule))
                    .Append(" | ").Append(finding.Severity.Name())
                    .Append(" | ").Append(MarkdownText.Code(finding.Object))
                    .Append(" | ").Append(finding.Location is null ? "" : MarkdownText.Code(finding.Location))
                    .Append(" | ").Append(MarkdownText.Cell(FirstLine(finding.Message)))
                    .AppendLine(" |");
            }
            markdown.AppendLine();
            markdown.AppendLine("### Fixes").AppendLine();
            foreach (var finding in findings)
                AppendFix(markdown, finding);
        }

        if (report.Waived.Count > 0)
        {
            markdown.AppendLine($"### Waived ({report.Waived.Count})").AppendLine();
            markdown.AppendLine("| Rule | Object | Reason |");
            markdown.AppendLine("| --- | --- | --- |");
            foreach (var waived in report.Waived)
            {
                markdown.AppendLine($"| {RuleLink(waived.Finding.Rule)} | {MarkdownText.Code(waived.Finding.Object)} | " +
                                    $"{MarkdownText.Cell(waived.Waiver.Reason)} |");
            }
            markdown.AppendLine();
        }

        if (report.UnmatchedWaivers.Count > 0)
        {
            markdown.AppendLine($"### Waivers that matched nothing ({report.UnmatchedWaivers.Count})").AppendLine();
            markdown.AppendLine("Remove them from `tenantguard.json` or fix the object name: a stale waiver fails the run.").AppendLine();
            foreach (var waiver in report.UnmatchedWaivers)
                markdown.AppendLine($"- {RuleLink(waiver.Rule)} {MarkdownText.Code(waiver.Object)}: {MarkdownText.Escape(waiver.Reason)}");
            markdown.AppendLine();
        }

        if (report.Facts.Count > 0)
        {
            markdown.AppendLine("<details><summary>Run facts</summary>").AppendLine();
            markdown.AppendLine("| Fact | Value |");
            markdown.AppendLine("| --- | --- |");
            foreach (var (key, value) in report.Facts)
                markdown.AppendLine($"| {MarkdownText.Cell(key)} | {MarkdownText.Cell(value)} |");
            markdown.AppendLine().AppendLine("</details>");
        }

        return markdown.ToString();
    }

    private static string Verdict(Report report) => report.ExitCode == 0
        ? report.Findings.Count == 0 ? "✅ passed" : "✅ passed (findings below the failing severity)"
        : "❌ failed";

    private static string Counts(Report report)
    {
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        var infos = report.Findings.Count - errors - warnings;
        return $"{report.Findings.Count} finding(s): {errors} error(s), {warnings} warning(s), {infos} info; " +
               $"{report.Waived.Count} waived; {report.UnmatchedWaivers.Count} unmatched waiver(s).";
    }

    private static void AppendFix(StringBuilder markdown, Finding finding)
    {
        markdown.Append("<details><summary>").Append(MarkdownText.Html(finding.Rule)).Append(' ')
            .Append(MarkdownText.Html(finding.Object)).AppendLine("</summary>").AppendLine();
        markdown.AppendLine(MarkdownText.Escape(finding.Message)).AppendLine();
        if (finding.Evidence is not null)
        {
            markdown.AppendLine("Evidence:").AppendLine();
            markdown.AppendLine(MarkdownText.Fenced(finding.Evidence, language: "")).AppendLine();
        }
        markdown.AppendLine("Fix:").AppendLine();
        // Audit fixes are SQL; attack fixes say what to change.
        markdown.AppendLine(MarkdownText.Fenced(finding.Fix, finding.Rule.StartsWith("TG1", StringComparison.Ordinal) ? "sql" : "")).AppendLine();
        markdown.AppendLine("</details>").AppendLine();
    }

    private static string RuleLink(string rule) => $"[{rule}]({RuleDocs.HelpUriFor(rule)})";

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];
}
