using Npgsql;
using TenantGuard.Harness;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary>Where a command writes: results to Out, progress and errors to Error. Tests pass string writers;
/// the real console says whether each stream is a terminal (for colour and live progress).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false, int OutWidth = 0)
{
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && !NoColor,
        !Console.IsErrorRedirected && !NoColor,
        TerminalWidth());

    /// <summary>The columns text reports wrap to: COLUMNS when set, else the terminal's width; 0 (no wrapping) when
    /// stdout is a file or a pipe, whose reader has its own width.</summary>
    private static int TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
            return columns;
        if (Console.IsOutputRedirected)
            return 0;
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // https://no-color.org: any non-empty value turns colour off.
    private static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Runs a command: its exit code, or, when it fails, one "error: …" line on stderr and exit 2 — never a
    /// stack trace, and never 1, which means "findings".</summary>
    public async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception e)
        {
            await Error.WriteLineAsync($"error: {Describe(e)}");
            return ExitCodes.UsageOrInfrastructure;
        }
    }

    /// <summary>The one path every reporting command takes: the --output check before anything starts, the run, the
    /// report, and exit 0 (clean), 1 (findings or a stale waiver) or 2 (an error, as one line).</summary>
    public Task<int> RunReportAsync(ReportArguments report, Func<Task<Report>> run, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            report.CheckOutput();
            // Rule and severity filters apply here, once, so every format and the exit code agree.
            var result = (report.Filter ?? ReportFilter.None).Apply(await run());
            await WriteReportAsync(result, report, cancellationToken);
            if (report.Summary is not null)
                await WriteSummaryAsync(result, report.Summary, cancellationToken);
            return result.ExitCode;
        });

    /// <summary>Writes the report to stdout (coloured text on a terminal) or to the --output file.</summary>
    public async Task WriteReportAsync(Report report, ReportArguments arguments, CancellationToken cancellationToken)
    {
        var (format, output) = (arguments.Format, arguments.Output);
        if (output is null)
        {
            var colour = format == ReportFormat.Text && OutIsTerminal;
            await ReportFormats.CreateFormatter(format, colour, arguments.SourceRoot, OutWidth).WriteAsync(report, Out, cancellationToken);
            return;
        }
        try
        {
            await using var file = new StreamWriter(output);
            await ReportFormats.CreateFormatter(format, sourceRoot: arguments.SourceRoot).WriteAsync(report, file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"--output {output}: cannot write the report: {e.Message}");
        }
        await Error.WriteLineAsync(
            $"tenantguard: wrote {format.ToString().ToLowerInvariant()} report to {output} " +
            $"({report.Findings.Count} finding(s), {report.Waived.Count} waived, {report.UnmatchedWaivers.Count} unmatched waiver(s)).");
    }

    /// <summary>The Markdown summary written next to the main report (--summary), appended to as GitHub's
    /// $GITHUB_STEP_SUMMARY expects, so earlier steps' summaries stay.</summary>
    private async Task WriteSummaryAsync(Report report, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new StreamWriter(path, append: true);
            await ReportFormats.CreateFormatter(ReportFormat.Markdown).WriteAsync(report, file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"--summary {path}: cannot write the summary: {e.Message}");
        }
        await Error.WriteLineAsync($"tenantguard: wrote markdown summary to {path}.");
    }

    private static string Describe(Exception e) => e switch
    {
        HarnessException or IOException or UnauthorizedAccessException => e.Message,
        PostgresException postgres => $"PostgreSQL said: {postgres.Severity} {postgres.SqlState}: {postgres.MessageText}",
        NpgsqlException => $"cannot talk to PostgreSQL: {e.Message}",
        OperationCanceledException => "cancelled; the server and its temporary directory were cleaned up.",
        _ => $"unexpected {e.GetType().Name}: {e.Message}",
    };
}
