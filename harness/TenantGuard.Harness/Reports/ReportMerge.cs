using System.Globalization;

namespace TenantGuard.Harness.Reports;

/// <summary>Joins the reports of one run's parts and decides which waivers are stale. tenantguard.json is shared by
/// audit (TG1xxx) and the attacks (TG2xxx): a waiver is unmatched only if it matched nothing in any part that could
/// have reported its rule.</summary>
public static class ReportMerge
{
    /// <summary>Audit and database attacks of one check run as one report. Each part matched only the waivers of its
    /// own rules (the audit also keeps misspelt IDs), so the stale waivers are both parts' unmatched ones.</summary>
    public static Report AuditAndAttacks(Report audit, Report attacks, TimeSpan total)
    {
        var facts = new Dictionary<string, string>(audit.Facts);
        foreach (var (key, value) in attacks.Facts)
        {
            // Both parts state the app role, column and setting; keep one unless they differ (the attacks fall back
            // to a default setting when no policy reads one).
            if (!facts.TryGetValue(key, out var existing))
                facts[key] = value;
            else if (existing != value)
                facts["attack." + key] = value;
        }
        facts["totalMs"] = ((int)total.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

        return new Report(
            [.. audit.Findings, .. attacks.Findings],
            [.. audit.Waived, .. attacks.Waived],
            [.. audit.UnmatchedWaivers, .. attacks.UnmatchedWaivers],
            facts,
            [.. audit.Rules, .. attacks.Rules]);
    }

    /// <summary>The database and HTTP attacks of one run (HTTP facts prefixed with "http."), or a check and its HTTP
    /// attacks; each part already ignores waivers of rules it cannot report.</summary>
    public static Report Attacks(IReadOnlyList<Report> reports)
    {
        if (reports.Count == 1)
            return reports[0];

        var facts = new Dictionary<string, string>(reports[0].Facts);
        foreach (var report in reports.Skip(1))
        {
            foreach (var (key, value) in report.Facts)
                facts["http." + key] = value;
        }

        return new Report(
            reports.SelectMany(r => r.Findings).ToList(),
            reports.SelectMany(r => r.Waived).ToList(),
            reports.SelectMany(r => r.UnmatchedWaivers).ToList(),
            facts,
            reports.SelectMany(r => r.Rules).ToList());
    }
}
