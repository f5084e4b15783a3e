using System.Globalization;
using System.Text;
using TenantGuard.Harness.Bench.Results;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Bench.Reports;

/// <summary>The bench report as Markdown, for a GitHub job summary ($GITHUB_STEP_SUMMARY) or a pull request comment.</summary>
public static class BenchMarkdownReport
{
    public static string Format(BenchResults results, BaselineGate? gate)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("## tenantguard bench: RLS overhead");
        md.AppendLine();
        md.AppendLine(MarkdownText.Escape(BenchSummary.Headline(results)));
        md.AppendLine();
        if (gate is not null)
        {
            md.AppendLine("**Baseline: " + MarkdownText.Escape(BenchSummary.Gate(gate)) + "**");
            foreach (var row in gate.Regressions)
            {
                md.AppendLine($"- `{row.Key}` regressed: {MarkdownText.Escape(BenchSummary.Limit(row))}; policies: " +
                                 string.Join("; ", row.Policies.Select(p => $"`{p}`")) +
                                 (row.PolicyChange is null ? "" : $" (`{row.PolicyChange}`)"));
            }

            md.AppendLine();
        }

        md.AppendLine("| query | RLS µs | no-RLS µs | ratio [95% CI] |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        foreach (var q in results.Queries)
        {
            var ratio = BenchSummary.Ratio(q.Ratio);
            md.AppendLine($"| `{q.Key}` | {BenchSummary.Micros(q.RlsMicroseconds.Median)} | {BenchSummary.Micros(q.BaselineMicroseconds.Median)} | " +
                             (q.IsHigh ? $"**{ratio}**" : ratio) + " |");
        }

        var high = results.Queries.Where(q => q.IsHigh).ToList();
        if (high.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### High ratios and their causes");
            md.AppendLine();
            foreach (var q in high)
            {
                md.AppendLine($"- `{q.Key}` {BenchSummary.Ratio(q.Ratio)}" + (q.Causes.Count == 0 ? ": no known cause found; compare the plans in the JSON results." : ""));
                foreach (var cause in q.Causes)
                    md.AppendLine(c, $"  - [{cause.Rule}]({cause.Page}) {MarkdownText.Escape(cause.Message)} Fix: `{cause.Fix}`");
            }
        }

        if (results.Skipped.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("<details><summary>Not measured</summary>");
            md.AppendLine();
            foreach (var s in results.Skipped)
                md.AppendLine(c, $"- `{s.Key}`: {MarkdownText.Escape(s.Reason)}");
            md.AppendLine();
            md.AppendLine("</details>");
        }

        return md.ToString();
    }
}
