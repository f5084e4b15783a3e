using System.Text;

namespace TenantGuard.Harness.Reports;

/// <summary>The report for people: findings grouped by table, each with its fix, then waived findings and stale
/// waivers, then a one-line summary. ANSI colour only when asked (the CLI asks when stdout is a terminal).</summary>
public sealed class TextReportFormatter(bool colour) : IReportFormatter
{
    private const string NoTable = "(database-wide)";

    public string Format(Report report)
    {
        var text = new StringBuilder();
        foreach (var group in report.Findings.GroupBy(f => f.Table ?? NoTable).OrderBy(g => g.Key == NoTable ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Paint(group.Key, Style.Bold));
            foreach (var finding in group.OrderBy(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal))
            {
                text.Append("  ")
                    .Append(Paint($"{finding.Severity.Name(),-7}", StyleOf(finding.Severity)))
                    .Append(' ')
                    .Append(Paint(finding.Rule, Style.Bold))
                    .Append(' ')
                    .AppendLine(finding.Object);
                AppendIndented(text, finding.Message, "      ");
                if (finding.Location is not null)
                    AppendIndented(text, finding.Location, "      " + Paint("migration: ", Style.Dim));
                if (finding.Evidence is not null)
                    AppendIndented(text, finding.Evidence, "      " + Paint("evidence: ", Style.Dim));
                AppendIndented(text, finding.Fix, "      " + Paint("fix: ", Style.Green));
                text.Append("      ").AppendLine(Paint("see " + RuleDocs.HelpUriFor(finding.Rule) + " (offline: tenantguard explain " + finding.Rule + ")", Style.Dim));
            }
            text.AppendLine();
        }

        if (report.Waived.Count > 0)
        {
            text.AppendLine(Paint("Waived", Style.Bold));
            foreach (var waived in report.Waived)
                text.AppendLine($"  {Paint(waived.Finding.Rule, Style.Dim)} {waived.Finding.Object}: {waived.Waiver.Reason}");
            text.AppendLine();
        }

        if (report.UnmatchedWaivers.Count > 0)
        {
            text.AppendLine(Paint("Waivers that matched nothing (remove them or fix the object name)", Style.Yellow));
            foreach (var waiver in report.UnmatchedWaivers)
                text.AppendLine($"  {waiver.Rule} {waiver.Object}: {waiver.Reason}");
            text.AppendLine();
        }

        if (report.Facts.Count > 0)
            text.AppendLine(Paint(string.Join("  ", report.Facts.Select(f => $"{f.Key}: {f.Value}")), Style.Dim));

        text.AppendLine(Summary(report));
        return text.ToString();
    }

    private string Summary(Report report)
    {
        if (report.Findings.Count == 0 && report.UnmatchedWaivers.Count == 0)
            return Paint($"No findings ({report.Waived.Count} waived).", Style.Green);
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        var infos = report.Findings.Count - errors - warnings;
        return Paint(
            $"{report.Findings.Count} finding(s): {errors} error(s), {warnings} warning(s), {infos} info; " +
            $"{report.Waived.Count} waived; {report.UnmatchedWaivers.Count} unmatched waiver(s)." +
            (report.ExitCode == 0 ? $" None at or above the failing severity ({report.FailOn.Name()}), so the run passes." : ""),
            errors > 0 ? Style.Red : Style.Yellow);
    }

    private static void AppendIndented(StringBuilder text, string block, string firstPrefix)
    {
        var lines = block.ReplaceLineEndings("\n").Split('\n');
        text.Append(firstPrefix).AppendLine(lines[0]);
        foreach (var line in lines.Skip(1))
            text.Append("        ").AppendLine(line);
    }

    private static Style StyleOf(Severity severity) => severity switch
    {
        Severity.Error => Style.Red,
        Severity.Warning => Style.Yellow,
        _ => Style.Cyan,
    };

    private string Paint(string value, Style style) => colour ? $"\u001b[{(int)style}m{value}\u001b[0m" : value;

    private enum Style
    {
        Bold = 1,
        Dim = 2,
        Red = 31,
        Green = 32,
        Yellow = 33,
        Cyan = 36,
    }
}
