using Spectre.Console;

namespace TenantGuard.Cli;

/// <summary>Progress on stderr: a live status line on a terminal, plain lines otherwise (CI logs, tests), so stdout
/// holds only the report.</summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliConsole console, string title, Func<IProgress<string>, Task<T>> work)
    {
        if (!console.ErrorIsTerminal)
            return await work(new LineProgress(console.Error));

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(title), async status => await work(new StatusProgress(status)));
    }

    private sealed class LineProgress(TextWriter error) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (error)
                error.WriteLine($"tenantguard: {value}");
        }
    }

    private sealed class StatusProgress(StatusContext status) : IProgress<string>
    {
        public void Report(string value) => status.Status(Markup.Escape(value));
    }
}
