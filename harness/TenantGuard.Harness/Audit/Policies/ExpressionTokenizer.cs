namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Splits an expression as pg_get_expr prints it into tokens. PostgreSQL's deparser output is regular
/// (normalised casts, quoted literals, parenthesised operators), so a small tokenizer is enough.</summary>
internal static class ExpressionTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?:";

    public static IReadOnlyList<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '\'')
            {
                i = SkipQuoted(text, i, '\'');
                tokens.Add(new ExpressionToken(TokenKind.String, Unquote(text[start..i], '\''), start, i));
            }
            else if (c == '"')
            {
                i = SkipQuoted(text, i, '"');
                tokens.Add(new ExpressionToken(TokenKind.QuotedIdentifier, Unquote(text[start..i], '"'), start, i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                    i++;
                // E'…' escape strings: the prefix belongs to the literal.
                if (i - start == 1 && c is 'E' or 'e' && i < text.Length && text[i] == '\'')
                {
                    i = SkipQuoted(text, i, '\'');
                    tokens.Add(new ExpressionToken(TokenKind.String, Unquote(text[(start + 1)..i], '\''), start, i));
                }
                else
                {
                    tokens.Add(new ExpressionToken(TokenKind.Identifier, text[start..i], start, i));
                }
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                    i++;
                tokens.Add(new ExpressionToken(TokenKind.Number, text[start..i], start, i));
            }
            else if (OperatorChars.Contains(c))
            {
                while (i < text.Length && OperatorChars.Contains(text[i]))
                    i++;
                tokens.Add(new ExpressionToken(TokenKind.Operator, text[start..i], start, i));
            }
            else
            {
                i++;
                var kind = c switch
                {
                    '(' => TokenKind.OpenParen,
                    ')' => TokenKind.CloseParen,
                    ',' => TokenKind.Comma,
                    '.' => TokenKind.Dot,
                    '[' => TokenKind.OpenBracket,
                    ']' => TokenKind.CloseBracket,
                    _ => TokenKind.Operator,
                };
                tokens.Add(new ExpressionToken(kind, text[start..i], start, i));
            }
        }
        return tokens;
    }

    private static int SkipQuoted(string text, int i, char quote)
    {
        i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
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

    private static string Unquote(string quoted, char quote)
    {
        var inner = quoted.Length >= 2 && quoted[^1] == quote ? quoted[1..^1] : quoted[1..];
        return inner.Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);
    }
}
