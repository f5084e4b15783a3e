using System.Globalization;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness;

/// <summary>The database does not isolate tenants: the message is the text report (one line of summary, then the
/// findings grouped by table, each with why and the SQL that fixes it), so any test runner shows it as the failure.</summary>
public sealed class TenantIsolationException : Exception
{
    public TenantIsolationException(Report report)
        : base(Describe(report))
    {
        Report = report;
    }

    public Report Report { get; }

    private static string Describe(Report report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The database does not isolate tenants: {report.Findings.Count} finding(s), {report.UnmatchedWaivers.Count} waiver(s) that matched nothing.\n\n")
        + new TextReportFormatter(colour: false).Format(report);
}
