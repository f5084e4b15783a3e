namespace TenantGuard.Harness.Reports;

/// <summary>Puts report text into Markdown without it turning into markup: object names hold underscores and
/// asterisks, messages hold '|' and '&lt;', SQL holds backticks.</summary>
internal static class MarkdownText
{
    /// <summary>Prose: characters Markdown or HTML would read as markup are escaped.</summary>
    public static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>One table cell: escaped, on one line.</summary>
    public static string Cell(string text) => Escape(text.ReplaceLineEndings(" "));

    /// <summary>Inline code on one line, for object names and locations; a '|' would still end the table cell.</summary>
    public static string Code(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        var fence = new string('`', LongestRun(line, '`') + 1);
        var padding = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return $"{fence}{padding}{line}{padding}{fence}";
    }

    /// <summary>Text in an HTML element (a &lt;summary&gt;).</summary>
    public static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A fenced block whose fence is longer than any run of backticks inside it.</summary>
    public static string Fenced(string text, string language)
    {
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        return $"{fence}{language}\n{text.ReplaceLineEndings("\n").TrimEnd('\n')}\n{fence}";
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
