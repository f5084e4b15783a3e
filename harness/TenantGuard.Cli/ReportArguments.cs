using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary>Where and how a command writes its report: --format, --output and --source-root, shared by every command.</summary>
public sealed record ReportArguments(ReportFormat Format = ReportFormat.Text, string? Output = null, string? SourceRoot = null)
{
    /// <summary>A report that cannot be written is found out before the run, not after it.</summary>
    public void CheckOutput()
    {
        if (Output is null)
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(Output));
        if (folder is not null && !Directory.Exists(folder))
            throw new HarnessException($"--output {Output}: the folder {folder} does not exist. Create it first or write the report elsewhere.");
        if (Directory.Exists(Output))
            throw new HarnessException($"--output {Output}: is a folder. Name the report file, e.g. {Path.Combine(Output, "tenantguard-report.json")}.");
        if (SourceRoot is not null && !Directory.Exists(SourceRoot))
            throw new HarnessException($"--source-root {SourceRoot}: no such folder. Give the repository's root (SARIF locations are relative to it).");
    }
}

internal sealed class ReportOptions
{
    private readonly Option<string> _format = SharedOptions.Format();
    private readonly Option<string?> _output = SharedOptions.Output();
    private readonly Option<string?> _sourceRoot = SharedOptions.SourceRoot();

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_output);
        command.Options.Add(_sourceRoot);
    }

    public ReportArguments Read(ParseResult parsed) => new(
        ReportFormats.TryParse(parsed.GetValue(_format), out var format) ? format : ReportFormat.Text,
        parsed.GetValue(_output),
        parsed.GetValue(_sourceRoot));
}
