using System.Globalization;
using System.Text;
using TenantGuard.Harness.Bench.Results;

namespace TenantGuard.Harness.Bench.Reports;

/// <summary>The bench report for a terminal or a CI log: the ratio table, the causes of the high ratios, and the gate.</summary>
public static class BenchTextReport
{
    public static string Format(BenchResults results, BaselineGate? gate)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("tenantguard bench: " + BenchSummary.Headline(results));
        text.AppendLine();
        text.AppendLine(c, $"{"query",-44} {"RLS us",10} {"no-RLS us",10}  ratio [95% CI]");
        foreach (var q in results.Queries)
        {
            var mark = q.IsHigh ? "  HIGH" : "";
            text.AppendLine(c, $"{q.Key,-44} {BenchSummary.Micros(q.RlsMicroseconds.Median),10} {BenchSummary.Micros(q.BaselineMicroseconds.Median),10}  {BenchSummary.Ratio(q.Ratio)}{mark}");
        }

        var high = results.Queries.Where(q => q.IsHigh).ToList();
        if (high.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(c, $"High ratios (95% interval above {QueryResult.HighRatio:0.0}x) and their causes:");
            foreach (var q in high)
            {
                text.AppendLine(c, $"  {q.Key} {BenchSummary.Ratio(q.Ratio)}");
                if (q.Causes.Count == 0)
                    text.AppendLine("    no known cause found in the policies or indexes; compare the two plans in the JSON results (--format json).");
                foreach (var cause in q.Causes)
                {
                    text.AppendLine(c, $"    {cause.Rule} {cause.Kind}: {cause.Message}");
                    text.AppendLine(c, $"      fix: {cause.Fix}");
                    text.AppendLine(c, $"      see {cause.Page}");
                }
            }
        }

        if (results.Skipped.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not measured:");
            foreach (var s in results.Skipped)
                text.AppendLine(c, $"  {s.Key}: {s.Reason}");
        }

        if (gate is not null)
        {
            text.AppendLine();
            text.Append(GateOnly(gate));
        }

        return text.ToString();
    }

    /// <summary>The baseline comparison alone (printed on stderr when the report itself is JSON).</summary>
    public static string GateOnly(BaselineGate gate)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("Baseline comparison:");
        foreach (var row in gate.Regressions)
        {
            text.AppendLine("  REGRESSED " + BenchSummary.Limit(row));
            foreach (var policy in row.Policies)
                text.AppendLine("    policy " + policy);
            if (row.PolicyChange is not null)
                text.AppendLine("    " + row.PolicyChange);
        }

        foreach (var row in gate.Rows.Where(r => r.Verdict is BaselineVerdict.NotMeasured or BaselineVerdict.New))
            text.AppendLine(c, $"  {row.Key}: {(row.Verdict == BaselineVerdict.New ? "new (not in the baseline)" : "in the baseline, not measured by this run")}");
        text.AppendLine(BenchSummary.Gate(gate));
        return text.ToString();
    }
}
