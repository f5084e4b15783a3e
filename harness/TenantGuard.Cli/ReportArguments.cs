using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary>Where and how a command writes its report (--format, --output, --source-root, --summary) and which rules
/// it reports and fails on (--rule, --skip-rule, --fail-on), shared by every command.</summary>
public sealed record ReportArguments(
    ReportFormat Format = ReportFormat.Text,
    string? Output = null,
    string? SourceRoot = null,
    string? Summary = null,
    ReportFilter? Filter = null)
{
    /// <summary>A report that cannot be written is found out before the run, not after it.</summary>
    public void CheckOutput()
    {
        CheckFile("--output", Output);
        CheckFile("--summary", Summary);
        if (SourceRoot is not null && !Directory.Exists(SourceRoot))
            throw new HarnessException($"--source-root {SourceRoot}: no such folder. Give the repository's root (SARIF locations are relative to it).");
    }

    /// <summary>A file a command will write (a report, a chart): its folder must exist and it must not be a folder.</summary>
    internal static void CheckFile(string option, string? path)
    {
        if (path is null)
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new HarnessException($"{option} {path}: the folder {folder} does not exist. Create it first or write the report elsewhere.");
        if (Directory.Exists(path))
            throw new HarnessException($"{option} {path}: is a folder. Name the report file, e.g. {Path.Combine(path, "tenantguard-report.json")}.");
    }
}

internal sealed class ReportOptions
{
    private readonly Option<string> _format = SharedOptions.Format();
    private readonly Option<string?> _output = SharedOptions.Output();
    private readonly Option<string?> _sourceRoot = SharedOptions.SourceRoot();
    private readonly Option<string?> _summary = SharedOptions.Summary();
    private readonly Option<string> _failOn = SharedOptions.FailOn();
    private readonly Option<string[]> _rules = SharedOptions.Rules("--rule", "Report only this rule (repeatable).");
    private readonly Option<string[]> _skipRules = SharedOptions.Rules("--skip-rule", "Never report this rule (repeatable).");

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_output);
        command.Options.Add(_sourceRoot);
        command.Options.Add(_summary);
        command.Options.Add(_failOn);
        command.Options.Add(_rules);
        command.Options.Add(_skipRules);
    }

    public ReportArguments Read(ParseResult parsed) => new(
        ReportFormats.TryParse(parsed.GetValue(_format), out var format) ? format : ReportFormat.Text,
        parsed.GetValue(_output),
        parsed.GetValue(_sourceRoot),
        parsed.GetValue(_summary),
        new ReportFilter(
            RuleIds(parsed.GetValue(_rules)),
            RuleIds(parsed.GetValue(_skipRules)),
            FailOnSeverity.TryParse(parsed.GetValue(_failOn), out var failOn) ? failOn : Severity.Info));

    private static string[] RuleIds(string[]? values) => [.. (values ?? []).Select(v => v.Trim().ToUpperInvariant()).Distinct()];
}
