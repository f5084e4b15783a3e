namespace TenantGuard.Harness.Reports;

/// <summary>
/// Which rules a run reports and which severities fail it (--rule, --skip-rule, --fail-on), applied to a finished
/// report before it is written, so every command and every format agree. Waived findings and stale waivers of rules
/// left out go too: the run says nothing about those rules.
/// </summary>
/// <param name="Only">Report only these rule IDs; empty: every rule.</param>
/// <param name="Skipped">Never report these rule IDs.</param>
/// <param name="FailOn">The least severe finding that fails the run.</param>
public sealed record ReportFilter(IReadOnlyCollection<string> Only, IReadOnlyCollection<string> Skipped, Severity FailOn = Severity.Info)
{
    public static readonly ReportFilter None = new([], []);

    public bool Includes(string ruleId) =>
        (Only.Count == 0 || Only.Contains(ruleId, StringComparer.OrdinalIgnoreCase))
        && !Skipped.Contains(ruleId, StringComparer.OrdinalIgnoreCase);

    public Report Apply(Report report)
    {
        var facts = new Dictionary<string, string>(report.Facts);
        if (Only.Count > 0)
            facts["rules"] = string.Join(", ", Only);
        if (Skipped.Count > 0)
            facts["skippedRules"] = string.Join(", ", Skipped);
        if (FailOn != Severity.Info)
            facts["failOn"] = FailOn.Name();

        return new Report(
            [.. report.Findings.Where(f => Includes(f.Rule))],
            [.. report.Waived.Where(w => Includes(w.Finding.Rule))],
            [.. report.UnmatchedWaivers.Where(w => Includes(w.Rule))],
            facts,
            [.. report.Rules.Where(r => Includes(r.Id))],
            FailOn);
    }
}
