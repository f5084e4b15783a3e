namespace TenantGuard.Harness.Reports;

/// <summary>Turns a report into one output format. Formatters never decide anything; they only write.</summary>
public interface IReportFormatter
{
    Task WriteAsync(Report report, TextWriter output, CancellationToken cancellationToken = default);
}
