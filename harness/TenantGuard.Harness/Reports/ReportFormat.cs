namespace TenantGuard.Harness.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,
    Markdown,
}

public static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["text", "json", "sarif", "junit", "markdown"];

    public static bool TryParse(string? name, out ReportFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && Names.Contains(name!.ToLowerInvariant());

    /// <param name="colour">Text only: ANSI colours, for a terminal.</param>
    /// <param name="sourceRoot">SARIF only: what locations are relative to (default: the git root, see <see cref="SourceRoot"/>).</param>
    /// <param name="width">Text only: the columns prose is wrapped to (0: not wrapped).</param>
    public static IReportFormatter CreateFormatter(ReportFormat format, bool colour = false, string? sourceRoot = null, int width = 0) => format switch
    {
        ReportFormat.Text => new TextReportFormatter(colour, width),
        ReportFormat.Json => new JsonReportFormatter(),
        ReportFormat.Sarif => new SarifReportFormatter(sourceRoot),
        ReportFormat.Junit => new JunitReportFormatter(),
        ReportFormat.Markdown => new MarkdownReportFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
