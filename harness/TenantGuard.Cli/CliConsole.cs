namespace TenantGuard.Cli;

/// <summary>Where a command writes: results to Out, progress and errors to Error. Tests pass string writers;
/// the real console says whether each stream is a terminal (for colour and live progress).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && !NoColor,
        !Console.IsErrorRedirected && !NoColor);

    // https://no-color.org: any non-empty value turns colour off.
    private static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
