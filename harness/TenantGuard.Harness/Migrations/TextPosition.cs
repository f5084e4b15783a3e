namespace TenantGuard.Harness.Migrations;

/// <summary>Maps offsets in a file's text to 1-based lines and columns.</summary>
internal static class TextPosition
{
    /// <summary>The 1-based line and column (in characters) of a UTF-16 index into <paramref name="text"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, CountCodePoints(text, lineStart, index) + 1);
    }

    /// <summary>
    /// The UTF-16 index of the server's 1-based error position, which counts characters (code points), so text with
    /// characters outside the BMP (emoji in comments) still maps to the right place.
    /// </summary>
    public static int IndexOfServerPosition(string statement, int position)
    {
        var index = 0;
        for (var counted = 1; counted < position && index < statement.Length; counted++)
        {
            index += char.IsHighSurrogate(statement[index]) && index + 1 < statement.Length ? 2 : 1;
        }

        return index;
    }

    private static int CountCodePoints(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }
}
