using System.Globalization;
using System.Text;

namespace TenantGuard.Benchmarks.Regression;

/// <summary>The outcome of a comparison: one row per ratio, and whether CI should fail.</summary>
public sealed record GateReport(double Threshold, IReadOnlyList<RatioComparison> Rows)
{
    public int Compared => Rows.Count(r => r.Verdict is RatioVerdict.Held or RatioVerdict.Improved or RatioVerdict.Regressed);

    public IReadOnlyList<RatioComparison> Regressions => Rows.Where(r => r.Verdict == RatioVerdict.Regressed).ToList();

    public bool Passed => Compared > 0 && Regressions.Count == 0;

    public int ExitCode => Passed ? 0 : 1;

    public string Format()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Ratio gate: a ratio fails when it exceeds baseline x {1 + Threshold:0.00}.");
        text.AppendLine(invariant, $"{"ratio",-52} {"baseline",9} {"current",9} {"limit",9}  verdict");
        foreach (var row in Rows)
        {
            text.AppendLine(invariant,
                $"{row.Key,-52} {Number(row.Baseline),9} {Number(row.Current),9} {Number(double.IsNaN(row.Limit) ? null : row.Limit),9}  {Describe(row)}");
        }

        text.AppendLine(Compared == 0
            ? "FAILED: no ratio of the baseline was measured by this run; nothing was compared."
            : Regressions.Count > 0
                ? $"FAILED: {Regressions.Count} of {Compared} ratios worsened beyond the threshold."
                : $"PASSED: {Compared} ratios within the threshold.");
        return text.ToString();

        static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    }

    private static string Describe(RatioComparison row) => row.Verdict switch
    {
        RatioVerdict.Regressed => $"REGRESSED (x{row.Change:0.00})",
        RatioVerdict.Improved => $"improved (x{row.Change:0.00}; consider a new baseline)",
        RatioVerdict.NotMeasured => "not measured by this run",
        RatioVerdict.New => "new (not in the baseline)",
        _ => "held",
    };
}
