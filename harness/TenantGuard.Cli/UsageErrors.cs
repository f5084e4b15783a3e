using System.CommandLine;
using System.CommandLine.Parsing;

namespace TenantGuard.Cli;

/// <summary>
/// One line for a command line that does not parse: its first problem (the others follow from it), and for an
/// unknown word that is a typo of a command or an option, the one meant.
/// </summary>
internal static class UsageErrors
{
    private const string Unrecognized = "Unrecognized command or argument '";

    public static string Describe(ParseResult parsed)
    {
        // An unknown word explains the rest ("Required command was not provided" after a misspelt command).
        var first = parsed.Errors.Select(e => e.Message).FirstOrDefault(m => m.StartsWith(Unrecognized, StringComparison.Ordinal))
                    ?? parsed.Errors[0].Message;
        if (!first.StartsWith(Unrecognized, StringComparison.Ordinal))
            return $"error: {first} (tenantguard --help for usage)";

        var word = first[Unrecognized.Length..].TrimEnd('.').TrimEnd('\'');
        var command = parsed.CommandResult.Command;
        var isOption = word.StartsWith('-');
        var known = isOption
            ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Select(c => c.Name);
        var what = isOption ? $"option '{word}' for {(command is RootCommand ? "tenantguard" : command.Name)}" : $"command '{word}'";
        return Closest(word, known) is { } meant
            ? $"error: unknown {what}; did you mean '{meant}'? (tenantguard --help for usage)"
            : $"error: unknown {what} (tenantguard --help for usage)";
    }

    /// <summary>The known word within two edits of the typed one (a third of its length for long words), if any.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var limit = Math.Max(2, typed.Length / 3);
        return known
            .Select(k => (Word: k, Distance: Distance(typed, k)))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance)
            .Select(k => k.Word)
            .FirstOrDefault();
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from one word to the other.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
