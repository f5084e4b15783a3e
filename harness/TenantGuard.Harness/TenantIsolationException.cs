using System.Globalization;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness;

/// <summary>The database does not isolate tenants, or a waiver matched nothing: the message is the text report (one
/// line of summary, then the findings grouped by table, each with why, the SQL that fixes it and the rule's page, then
/// the waived findings and the stale waivers), so any test runner shows it as the failure.</summary>
public sealed class TenantIsolationException : Exception
{
    public TenantIsolationException(Report report)
        : base(Describe(report))
    {
        Report = report;
    }

    public Report Report { get; }

    private static string Describe(Report report) =>
        Headline(report) + "\n\n" + new TextReportFormatter(colour: false).Format(report);

    /// <summary>A run whose only problem is a stale waiver says so, rather than claiming a leak it did not find.</summary>
    private static string Headline(Report report) => report.Findings.Count == 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"No finding, but {report.UnmatchedWaivers.Count} waiver(s) in tenantguard.json matched nothing: remove them or fix the object name.")
        : string.Create(CultureInfo.InvariantCulture,
            $"The database does not isolate tenants: {report.Findings.Count} finding(s), {report.UnmatchedWaivers.Count} waiver(s) that matched nothing.");
}
