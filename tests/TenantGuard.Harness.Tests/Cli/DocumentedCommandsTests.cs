using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using TenantGuard.Cli;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>
/// Docs that work as written: every <c>tenantguard …</c> command in a code block of README.md or docs/ parses with
/// today's command line (no renamed verb or option, no missing value), and repository paths it names exist. The
/// commands that need a server run in other tests; this keeps the pages from drifting away from the tool.
/// </summary>
public sealed partial class DocumentedCommandsTests
{
    public static TheoryData<string, string> DocumentedCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var (where, command) in Find())
            data.Add(where, command);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void The_command_parses_with_todays_command_line(string where, string command)
    {
        var root = Program.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null));

        var parsed = root.Parse(CommandLineParser.SplitCommandLine(command).ToArray());

        Assert.True(parsed.Errors.Count == 0, $"{where}: tenantguard {command}\n{string.Join('\n', parsed.Errors.Select(e => e.Message))}");
        foreach (Match path in RepositoryPath().Matches(command))
            Assert.True(Path.Exists(Path.Combine(RepositoryRoot, path.Value)), $"{where}: {path.Value} does not exist in the repository");
    }

    [Fact]
    public void The_pages_hold_commands_to_check()
    {
        var commands = Find().ToList();

        Assert.Contains(commands, c => c.Where.StartsWith("README.md", StringComparison.Ordinal) && c.Command.StartsWith("check ", StringComparison.Ordinal));
        Assert.True(commands.Count >= 18, $"only {commands.Count} commands found");
    }

    private static string RepositoryRoot => Path.GetDirectoryName(RepositoryFolder.Find("docs"))!;

    /// <summary>(page:line, the arguments after "tenantguard") for each command line in a fenced code block; usage
    /// synopses ("[--tenants N]") are skipped, comments, redirections and pipes cut off, continuations joined.</summary>
    private static IEnumerable<(string Where, string Command)> Find()
    {
        var pages = new[] { Path.Combine(RepositoryRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var lines = File.ReadAllLines(page);
            var inCode = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                if (!inCode)
                {
                    // `tenantguard init --migrations …` in a sentence is a command too (one without options only names it).
                    foreach (Match span in InlineCommand().Matches(lines[i]))
                        yield return ($"{Path.GetRelativePath(RepositoryRoot, page)}:{i + 1}", span.Groups["args"].Value.Trim());
                    continue;
                }

                var line = lines[i];
                var start = i;
                while (inCode && line.EndsWith('\\') && i + 1 < lines.Length)
                    line = line[..^1] + " " + lines[++i].Trim();
                var match = Invocation().Match(line);
                if (!match.Success || line.Contains("[--", StringComparison.Ordinal))
                    continue;
                var command = ShellTail().Replace(match.Groups["args"].Value, string.Empty).Trim();
                yield return ($"{Path.GetRelativePath(RepositoryRoot, page)}:{start + 1}", command.Replace("$S/", "tests/TenantGuard.Harness.Tests/Seeds/", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>tenantguard, dotnet tenantguard, or the CLI project run from source, at the start of a line or after "run: ".</summary>
    [GeneratedRegex(@"^\s*(?:-\s*)?(?:run:\s*)?(?:\$\s+)?(?:dotnet\s+(?:tool\s+run\s+)?tenantguard|tenantguard|dotnet\s+run\b[^#]*?--project\s+harness/TenantGuard\.Cli\s+--)\s+(?<args>\S.*)$")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"`tenantguard (?<args>[a-z]+ [^`]*--[^`]+)`")]
    private static partial Regex InlineCommand();

    /// <summary>What the shell does after the command: a comment, a redirection, a pipe, a chained command.</summary>
    [GeneratedRegex(@"(\s+#.*|\s+[12]?>.*|\s+\|.*|\s+&&.*|\s+;.*)$")]
    private static partial Regex ShellTail();

    /// <summary>Paths into this repository (sample-app/…, tests/…, docs/…).</summary>
    [GeneratedRegex(@"(?<=\s|=)(?:sample-app|tests|docs|harness)/[^\s""']+")]
    private static partial Regex RepositoryPath();
}
