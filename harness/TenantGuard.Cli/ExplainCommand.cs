using System.CommandLine;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary><c>tenantguard explain TG1001</c>: a rule's page (what it finds, the attack, the fix, how to waive it),
/// offline, from the pages built into the tool.</summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string>("rule") { Description = "A rule ID: TG0001–TG0006, TG0900–TG0903, TG1001–TG1022, TG2000–TG2009, TG2101–TG2109." };
        var command = new Command("explain", "Print a rule's page: what it finds, how one tenant reaches another, the fix, how to waive it.") { rule };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var id = parsed.GetValue(rule)!.Trim().ToUpperInvariant();
            if (RulePages.Markdown(id) is not { } page)
            {
                await console.Error.WriteLineAsync($"error: no rule {id}: rule IDs look like TG1001, and every report names the rules it ran.");
                return ExitCodes.UsageOrInfrastructure;
            }

            await console.Out.WriteAsync(page);
            await console.Out.FlushAsync(cancellationToken);
            return ExitCodes.Clean;
        });
        return command;
    }
}
