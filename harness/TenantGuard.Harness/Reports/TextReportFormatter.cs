using System.Text;

namespace TenantGuard.Harness.Reports;

/// <summary>The report for people: findings grouped by table, one fix per root cause (the attacks that prove a
/// table's missing policy point at the audit finding's fix instead of repeating it), then waived findings and stale
/// waivers, the facts, and a one-line summary. ANSI colour only when asked (the CLI asks when stdout is a terminal);
/// prose wrapped to <paramref name="width"/> columns when one is given.</summary>
public sealed class TextReportFormatter(bool colour, int width = 0) : IReportFormatter
{
    private const string NoTable = "(database-wide)";
    private const string Indent = "      ";
    private const string ContinuationIndent = "        ";

    public string Format(Report report)
    {
        var text = new StringBuilder();
        foreach (var group in report.Findings.GroupBy(f => f.Table ?? NoTable).OrderBy(g => g.Key == NoTable ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Paint(group.Key, Style.Bold));
            var fixesShown = new List<Finding>();
            foreach (var finding in group.OrderBy(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal))
            {
                AppendFinding(text, finding, fixesShown);
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
        {
            var facts = string.Join("  ", report.Facts.Select(f => $"{f.Key}: {FactSummary.Summarise(f.Value)}"));
            var wrapped = new StringBuilder();
            TextWrap.AppendWrapped(wrapped, facts, string.Empty, 0, string.Empty, width);
            text.Append(Paint(wrapped.ToString().TrimEnd('\n'), Style.Dim)).AppendLine();
        }

        text.AppendLine(Summary(report));
        return text.ToString();
    }

    private void AppendFinding(StringBuilder text, Finding finding, List<Finding> fixesShown)
    {
        text.Append("  ")
            .Append(Paint($"{finding.Severity.Name(),-7}", StyleOf(finding.Severity)))
            .Append(' ')
            .Append(Paint(finding.Rule, Style.Bold))
            .Append(' ')
            .AppendLine(finding.Object);
        foreach (var paragraph in finding.Message.ReplaceLineEndings("\n").Split('\n'))
            TextWrap.AppendWrapped(text, paragraph, Indent, Indent.Length, ContinuationIndent, width);
        if (finding.Location is not null)
            AppendIndented(text, finding.Location, Indent + Paint("migration: ", Style.Dim));
        if (finding.Evidence is not null)
            AppendIndented(text, finding.Evidence, Indent + Paint("evidence: ", Style.Dim));

        // One root cause, one fix: a fix that begins with one already shown on this table refers to it.
        var shown = fixesShown.FirstOrDefault(f => f.Fix.Length > 0 && finding.Fix.StartsWith(f.Fix, StringComparison.Ordinal));
        if (shown is null)
        {
            AppendIndented(text, finding.Fix, Indent + Paint("fix: ", Style.Green));
            fixesShown.Add(finding);
        }
        else
        {
            var rest = finding.Fix[shown.Fix.Length..].Trim().TrimStart('-', ' ');
            TextWrap.AppendWrapped(text, $"the fix of {shown.Rule} above{(rest.Length == 0 ? string.Empty : "; " + rest.ReplaceLineEndings(" "))}",
                Indent + Paint("fix: ", Style.Green), Indent.Length + "fix: ".Length, ContinuationIndent, width);
        }

        text.Append(Indent).AppendLine(Paint("see " + RuleDocs.HelpUriFor(finding.Rule) + " (offline: tenantguard explain " + finding.Rule + ")", Style.Dim));
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

    /// <summary>A block kept as it is (SQL, a transcript, a path), its lines under the first.</summary>
    private static void AppendIndented(StringBuilder text, string block, string firstPrefix)
    {
        var lines = block.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        text.Append(firstPrefix).AppendLine(lines[0]);
        foreach (var line in lines.Skip(1))
            text.Append(ContinuationIndent).AppendLine(line);
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
