using System.Text;

namespace TenantGuard.Harness.Reports;

/// <summary>Prose wrapped at word boundaries with a hanging indent, for terminal reports. SQL and transcripts are
/// never wrapped: they are copied as they are.</summary>
internal static class TextWrap
{
    /// <summary>Appends <paramref name="prose"/> after <paramref name="firstPrefix"/>, breaking lines at
    /// <paramref name="width"/> columns (0: never) and starting continuation lines with <paramref name="indent"/>.
    /// <paramref name="prefixWidth"/> is what the prefix occupies on screen (colour codes take none).</summary>
    public static void AppendWrapped(StringBuilder text, string prose, string firstPrefix, int prefixWidth, string indent, int width)
    {
        var column = prefixWidth;
        text.Append(firstPrefix);
        var lineStart = true;
        foreach (var word in prose.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!lineStart && width > 0 && column + 1 + word.Length > width)
            {
                text.AppendLine().Append(indent);
                column = indent.Length;
                lineStart = true;
            }

            if (!lineStart)
            {
                text.Append(' ');
                column++;
            }

            text.Append(word);
            column += word.Length;
            lineStart = false;
        }

        text.AppendLine();
    }
}
