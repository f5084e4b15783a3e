namespace TenantGuard.Harness.Migrations;

/// <summary>One statement of a script: its text (without the closing semicolon) and where it starts in the file.</summary>
internal sealed record SqlStatement(string Text, int Offset);

/// <summary>A psql meta-command line (<c>\i file</c>, <c>\echo …</c>) and where it starts in the file.</summary>
internal sealed record PsqlMetaCommand(string Text, int Offset)
{
    /// <summary>The command word, e.g. <c>\echo</c>.</summary>
    public string Name => Text.Split([' ', '\t'], 2)[0];
}

/// <summary>
/// Splits a migration into statements the way psql does: on semicolons outside string literals, quoted identifiers,
/// dollar-quoted bodies, comments and SQL-standard <c>BEGIN ATOMIC … END</c> function bodies; backslash lines are
/// psql meta-commands, which a database connection cannot run and so are reported separately.
/// </summary>
internal static class SqlScriptSplitter
{
    public sealed record Result(IReadOnlyList<SqlStatement> Statements, IReadOnlyList<PsqlMetaCommand> MetaCommands);

    public static Result Split(string script)
    {
        var statements = new List<SqlStatement>();
        var metaCommands = new List<PsqlMetaCommand>();
        var start = -1;          // offset of the first significant character of the current statement
        var atomicDepth = 0;     // > 0 inside BEGIN ATOMIC … END, where semicolons do not end the statement
        string? previousWord = null;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c == '-' && Next(script, i) == '-')
            {
                i = EndOfLine(script, i);
                continue;
            }

            if (c == '/' && Next(script, i) == '*')
            {
                i = EndOfBlockComment(script, i);
                continue;
            }

            if (c == '\\' && IsAtLineStart(script, i))
            {
                var end = EndOfLine(script, i);
                metaCommands.Add(new PsqlMetaCommand(script[i..end].TrimEnd(), i));
                i = end;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == ';' && atomicDepth == 0)
            {
                if (start >= 0)
                {
                    statements.Add(new SqlStatement(script[start..i], start));
                }

                start = -1;
                previousWord = null;
                i++;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (c == '\'')
            {
                var escapes = i > 0 && script[i - 1] is 'E' or 'e' && (i < 2 || !IsIdentifierChar(script[i - 2]));
                i = EndOfQuoted(script, i, '\'', escapes);
                continue;
            }

            if (c == '"')
            {
                i = EndOfQuoted(script, i, '"', backslashEscapes: false);
                continue;
            }

            if (c == '$' && (i == 0 || !IsIdentifierChar(script[i - 1])) && DollarTag(script, i) is { } tag)
            {
                var close = script.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = close < 0 ? script.Length : close + tag.Length;
                continue;
            }

            if (IsIdentifierStart(c))
            {
                var end = i;
                while (end < script.Length && IsIdentifierChar(script[end]))
                {
                    end++;
                }

                var word = script[i..end].ToUpperInvariant();
                atomicDepth = TrackAtomicBody(atomicDepth, previousWord, word);
                previousWord = word;
                i = end;
                continue;
            }

            i++;
        }

        if (start >= 0)
        {
            statements.Add(new SqlStatement(script[start..].TrimEnd(), start));
        }

        return new Result(statements, metaCommands);
    }

    private static int TrackAtomicBody(int depth, string? previousWord, string word)
    {
        if (depth == 0)
        {
            return previousWord == "BEGIN" && word == "ATOMIC" ? 1 : 0;
        }

        return word switch
        {
            "CASE" => depth + 1,
            "END" => depth - 1,
            _ => depth,
        };
    }

    private static char Next(string s, int i) => i + 1 < s.Length ? s[i + 1] : '\0';

    private static int EndOfLine(string s, int i)
    {
        var newline = s.IndexOf('\n', i);
        return newline < 0 ? s.Length : newline;
    }

    private static int EndOfBlockComment(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && Next(s, i) == '*')
            {
                depth++;
                i += 2;
            }
            else if (s[i] == '*' && Next(s, i) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int EndOfQuoted(string s, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (s[i] == quote)
            {
                if (Next(s, i) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    /// <summary>The <c>$tag$</c> opening at <paramref name="i"/>, or null when the dollar sign is something else ($1).</summary>
    private static string? DollarTag(string s, int i)
    {
        var end = i + 1;
        if (end < s.Length && !IsIdentifierStart(s[end]) && s[end] != '$')
        {
            return null;
        }

        while (end < s.Length && s[end] != '$')
        {
            if (!IsIdentifierChar(s[end]) || s[end] == '$')
            {
                return null;
            }

            end++;
        }

        return end < s.Length ? s[i..(end + 1)] : null;
    }

    private static bool IsAtLineStart(string s, int i)
    {
        for (var j = i - 1; j >= 0 && s[j] != '\n'; j--)
        {
            if (!char.IsWhiteSpace(s[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
