namespace TenantGuard.Harness.Reports;

/// <summary>Turns a report into one output format. Formatters never decide anything; they only write.</summary>
public interface IReportFormatter
{
    /// <summary>The whole document (JSON, SARIF, JUnit XML or text).</summary>
    string Format(Report report);

    /// <summary>Writes the document, ending with a newline, and flushes.</summary>
    async Task WriteAsync(Report report, TextWriter output, CancellationToken cancellationToken = default)
    {
        var document = Format(report);
        await output.WriteAsync(document.AsMemory(), cancellationToken);
        if (!document.EndsWith('\n'))
            await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
    }
}
