using System.Collections.Generic;
using System.Text;

namespace TenantGuard.Sql.Lexing
{
    /// <summary>
    /// Turns PostgreSQL text into tokens the way the server's scanner does: comments and whitespace dropped, quoting and
    /// escapes resolved, placeholders recognised. Unterminated constructs become problems, never exceptions.
    /// </summary>
    internal sealed class SqlLexer
    {
        private const string OperatorChars = "+-*/<>=~!@#%^&|`?";
        private readonly string _text;
        private readonly bool _interpolationHoles;
        private readonly List<SqlToken> _tokens;
        private readonly List<SqlProblem> _problems;
        private int _position;
        private int _line = 1;
        private int _lineStart;
        private int _bracketDepth;

        private SqlLexer(string text, bool interpolationHoles, List<SqlProblem> problems)
        {
            _text = text;
            _interpolationHoles = interpolationHoles;
            _problems = problems;
            // SQL runs at roughly one token per four characters; sizing once avoids regrowing the list.
            _tokens = new List<SqlToken>(text.Length / 4 + 8);
        }

        public static List<SqlToken> Tokenize(string text, bool interpolationHoles, List<SqlProblem> problems)
        {
            var lexer = new SqlLexer(text ?? string.Empty, interpolationHoles, problems);
            lexer.Run();
            return lexer._tokens;
        }

        private void Run()
        {
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length)
                {
                    _tokens.Add(new SqlToken(SqlTokenKind.EndOfInput, _text.Length, 0, _line, _text.Length - _lineStart + 1, string.Empty));
                    return;
                }

                ReadToken();
            }
        }

        private char Peek(int ahead = 0)
        {
            var index = _position + ahead;
            return index < _text.Length ? _text[index] : '\0';
        }

        /// <summary>Moves past <paramref name="count"/> characters, keeping line numbers right.</summary>
        private void Advance(int count = 1)
        {
            var end = _position + count;
            if (end > _text.Length)
            {
                end = _text.Length;
            }

            for (; _position < end; _position++)
            {
                if (_text[_position] == '\n')
                {
                    _line++;
                    _lineStart = _position + 1;
                }
            }
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c))
                {
                    Advance();
                }
                else if (c == '-' && Peek(1) == '-')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    SkipBlockComment();
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>Only white space between the start of the line and here: where psql reads a meta-command.</summary>
        private bool AtLineStart()
        {
            for (var i = _lineStart; i < _position; i++)
            {
                if (!char.IsWhiteSpace(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>psql runs a backslash line itself, up to the end of the line; it never reaches the server.</summary>
        private void ReadMetaCommand(int start, int line, int column)
        {
            while (_position < _text.Length && _text[_position] != '\n')
            {
                _position++;
            }

            var text = _text.Substring(start, _position - start).TrimEnd();
            _tokens.Add(new SqlToken(SqlTokenKind.MetaCommand, start, text.Length, line, column, text));
        }

        /// <summary>PostgreSQL block comments nest: /* a /* b */ c */ is one comment.</summary>
        private void SkipBlockComment()
        {
            int startOffset = _position, startLine = _line, startColumn = _position - _lineStart + 1;
            var depth = 0;
            while (_position < _text.Length)
            {
                if (_text[_position] == '/' && Peek(1) == '*')
                {
                    depth++;
                    Advance(2);
                }
                else if (_text[_position] == '*' && Peek(1) == '/')
                {
                    depth--;
                    Advance(2);
                    if (depth == 0)
                    {
                        return;
                    }
                }
                else
                {
                    Advance();
                }
            }

            Problem("Unterminated block comment: add the closing */.", startOffset, startLine, startColumn);
        }

        private void ReadToken()
        {
            int start = _position, line = _line, column = _position - _lineStart + 1;
            var c = _text[_position];
            var next = Peek(1);

            if (c == '\\' && AtLineStart())
            {
                ReadMetaCommand(start, line, column);
            }
            else if ((c == 'e' || c == 'E') && next == '\'')
            {
                Advance(1);
                ReadQuotedString(SqlTokenKind.EscapeString, start, line, column, backslashEscapes: true);
            }
            else if ((c == 'b' || c == 'B') && next == '\'')
            {
                Advance(1);
                ReadQuotedString(SqlTokenKind.BitString, start, line, column, backslashEscapes: false);
            }
            else if ((c == 'x' || c == 'X') && next == '\'')
            {
                Advance(1);
                ReadQuotedString(SqlTokenKind.HexString, start, line, column, backslashEscapes: false);
            }
            else if ((c == 'n' || c == 'N') && next == '\'')
            {
                Advance(1);
                ReadQuotedString(SqlTokenKind.NationalString, start, line, column, backslashEscapes: false);
            }
            else if ((c == 'u' || c == 'U') && next == '&' && (Peek(2) == '\'' || Peek(2) == '"'))
            {
                Advance(2);
                if (Peek() == '\'')
                {
                    ReadQuotedString(SqlTokenKind.UnicodeString, start, line, column, backslashEscapes: false);
                }
                else
                {
                    ReadQuotedIdentifier(start, line, column);
                }
            }
            else if (IsIdentifierStart(c))
            {
                ReadIdentifier(start, line, column);
            }
            else if (c == '\'')
            {
                ReadQuotedString(SqlTokenKind.String, start, line, column, backslashEscapes: false);
            }
            else if (c == '"')
            {
                ReadQuotedIdentifier(start, line, column);
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(next)))
            {
                ReadNumber(start, line, column);
            }
            else if (c == '$')
            {
                ReadDollar(start, line, column);
            }
            else if (c == ':')
            {
                ReadColon(start, line, column);
            }
            else if (c == '@' && IsIdentifierStart(next))
            {
                Advance(1);
                SkipIdentifierChars();
                Add(SqlTokenKind.NamedParameter, start, line, column, _text.Substring(start, _position - start));
            }
            else if (c == '{' && _interpolationHoles && TryReadHole(start, line, column))
            {
                // read
            }
            else if (OperatorChars.IndexOf(c) >= 0)
            {
                ReadOperator(start, line, column);
            }
            else
            {
                ReadPunctuation(c, start, line, column);
            }
        }

        private void ReadPunctuation(char c, int start, int line, int column)
        {
            SqlTokenKind kind;
            switch (c)
            {
                case '(':
                    kind = SqlTokenKind.LeftParen;
                    break;
                case ')':
                    kind = SqlTokenKind.RightParen;
                    break;
                case '[':
                    kind = SqlTokenKind.LeftBracket;
                    _bracketDepth++;
                    break;
                case ']':
                    kind = SqlTokenKind.RightBracket;
                    if (_bracketDepth > 0)
                    {
                        _bracketDepth--;
                    }

                    break;
                case ',':
                    kind = SqlTokenKind.Comma;
                    break;
                case ';':
                    kind = SqlTokenKind.Semicolon;
                    break;
                case '.':
                    kind = SqlTokenKind.Dot;
                    break;
                default:
                    kind = SqlTokenKind.Unknown;
                    break;
            }

            Advance(1);
            Add(kind, start, line, column, c.ToString());
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c > 127 && !char.IsWhiteSpace(c) && !char.IsPunctuation(c);

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsDigit(c) || c == '$';

        private void SkipIdentifierChars()
        {
            while (_position < _text.Length && IsIdentifierPart(_text[_position]))
            {
                _position++;
            }
        }

        private void ReadIdentifier(int start, int line, int column)
        {
            var hasUpper = false;
            while (_position < _text.Length && IsIdentifierPart(_text[_position]))
            {
                hasUpper |= char.IsUpper(_text[_position]);
                _position++;
            }

            var text = _text.Substring(start, _position - start);
            Add(SqlTokenKind.Identifier, start, line, column, hasUpper ? text.ToLowerInvariant() : text);
        }

        private void ReadQuotedIdentifier(int start, int line, int column)
        {
            Advance(1); // opening quote
            if (TryReadPlainQuoted('"', backslashEscapes: false, out var plain))
            {
                Add(SqlTokenKind.QuotedIdentifier, start, line, column, plain);
                return;
            }

            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    Problem("Unterminated quoted identifier: add the closing \".", start, line, column);
                    break;
                }

                var c = _text[_position];
                if (c == '"')
                {
                    if (Peek(1) == '"')
                    {
                        builder.Append('"');
                        Advance(2);
                        continue;
                    }

                    Advance(1);
                    break;
                }

                builder.Append(c);
                Advance(1);
            }

            Add(SqlTokenKind.QuotedIdentifier, start, line, column, builder.ToString());
        }

        /// <summary>Reads '…' starting at the opening quote; '' is always an escaped quote.</summary>
        private void ReadQuotedString(SqlTokenKind kind, int start, int line, int column, bool backslashEscapes)
        {
            Advance(1); // opening quote
            if (TryReadPlainQuoted('\'', backslashEscapes, out var plain))
            {
                Add(kind, start, line, column, plain);
                return;
            }

            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    Problem("Unterminated string literal: add the closing '.", start, line, column);
                    break;
                }

                var c = _text[_position];
                if (c == '\'')
                {
                    if (Peek(1) == '\'')
                    {
                        builder.Append('\'');
                        Advance(2);
                        continue;
                    }

                    Advance(1);
                    break;
                }

                if (backslashEscapes && c == '\\' && _position + 1 < _text.Length)
                {
                    builder.Append(Unescape(_text[_position + 1]));
                    Advance(2);
                    continue;
                }

                builder.Append(c);
                Advance(1);
            }

            Add(kind, start, line, column, builder.ToString());
        }

        /// <summary>
        /// The common case without escapes: the content up to the closing quote, taken in one piece. Leaves the
        /// position untouched and returns false when there is an escape or no closing quote.
        /// </summary>
        private bool TryReadPlainQuoted(char quote, bool backslashEscapes, out string content)
        {
            for (var index = _position; index < _text.Length; index++)
            {
                var c = _text[index];
                if (c == quote)
                {
                    if (index + 1 < _text.Length && _text[index + 1] == quote)
                    {
                        break;
                    }

                    content = _text.Substring(_position, index - _position);
                    Advance(index + 1 - _position);
                    return true;
                }

                if (backslashEscapes && c == '\\')
                {
                    break;
                }
            }

            content = string.Empty;
            return false;
        }

        private static char Unescape(char c)
        {
            switch (c)
            {
                case 'n':
                    return '\n';
                case 't':
                    return '\t';
                case 'r':
                    return '\r';
                case 'b':
                    return '\b';
                case 'f':
                    return '\f';
                default:
                    return c;
            }
        }

        private void ReadNumber(int start, int line, int column)
        {
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            // A decimal point, but not the start of a ".." or a method-style ".field" after a digit run.
            if (Peek() == '.' && Peek(1) != '.')
            {
                _position++;
                while (_position < _text.Length && char.IsDigit(_text[_position]))
                {
                    _position++;
                }
            }

            if ((Peek() == 'e' || Peek() == 'E') && (char.IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsDigit(Peek(2)))))
            {
                _position += 2;
                while (_position < _text.Length && char.IsDigit(_text[_position]))
                {
                    _position++;
                }
            }

            Add(SqlTokenKind.Number, start, line, column, _text.Substring(start, _position - start));
        }

        /// <summary>$1 parameters, $$…$$ and $tag$…$tag$ strings; a lone $ is unknown.</summary>
        private void ReadDollar(int start, int line, int column)
        {
            var next = Peek(1);
            if (char.IsDigit(next))
            {
                _position++;
                while (_position < _text.Length && char.IsDigit(_text[_position]))
                {
                    _position++;
                }

                Add(SqlTokenKind.PositionalParameter, start, line, column, _text.Substring(start, _position - start));
                return;
            }

            var tagEnd = _position + 1;
            if (next != '$')
            {
                if (!IsIdentifierStart(next))
                {
                    ReadPunctuation('$', start, line, column);
                    return;
                }

                while (tagEnd < _text.Length && (IsIdentifierStart(_text[tagEnd]) || char.IsDigit(_text[tagEnd])))
                {
                    tagEnd++;
                }

                if (tagEnd >= _text.Length || _text[tagEnd] != '$')
                {
                    ReadPunctuation('$', start, line, column);
                    return;
                }
            }

            var delimiter = _text.Substring(start, tagEnd + 1 - start);
            var bodyStart = tagEnd + 1;
            var close = _text.IndexOf(delimiter, bodyStart, System.StringComparison.Ordinal);
            if (close < 0)
            {
                Advance(_text.Length - _position);
                Problem("Unterminated dollar-quoted string: add the closing " + delimiter + ".", start, line, column);
                Add(SqlTokenKind.DollarString, start, line, column, _text.Substring(bodyStart));
                return;
            }

            Advance(close + delimiter.Length - _position);
            Add(SqlTokenKind.DollarString, start, line, column, _text.Substring(bodyStart, close - bodyStart));
        }

        /// <summary>`::` casts, `:=` assignments, `:name` placeholders, and the bare `:` of array slices.</summary>
        private void ReadColon(int start, int line, int column)
        {
            var next = Peek(1);
            if (next == ':')
            {
                Advance(2);
                Add(SqlTokenKind.Operator, start, line, column, "::");
            }
            else if (next == '=')
            {
                Advance(2);
                Add(SqlTokenKind.Operator, start, line, column, ":=");
            }
            else if (_bracketDepth == 0 && IsIdentifierStart(next))
            {
                Advance(1);
                SkipIdentifierChars();
                Add(SqlTokenKind.NamedParameter, start, line, column, _text.Substring(start, _position - start));
            }
            else
            {
                Advance(1);
                Add(SqlTokenKind.Colon, start, line, column, ":");
            }
        }

        /// <summary>`{0}` (optionally `{0:format}` / `{0,align}`) when the text comes from an interpolated string.</summary>
        private bool TryReadHole(int start, int line, int column)
        {
            var index = _position + 1;
            while (index < _text.Length && _text[index] != '}' && _text[index] != '{' && _text[index] != '\n')
            {
                index++;
            }

            if (index >= _text.Length || _text[index] != '}' || index == _position + 1)
            {
                return false;
            }

            Advance(index + 1 - _position);
            Add(SqlTokenKind.InterpolationHole, start, line, column, _text.Substring(start, _position - start));
            return true;
        }

        /// <summary>
        /// The server's operator rule: the longest run of operator characters, cut before a comment start or a
        /// named placeholder, and not ending in + or - unless it contains one of ~ ! @ # % ^ &amp; | ` ?.
        /// </summary>
        private void ReadOperator(int start, int line, int column)
        {
            var end = _position;
            while (end < _text.Length && OperatorChars.IndexOf(_text[end]) >= 0)
            {
                var c = _text[end];
                var following = end + 1 < _text.Length ? _text[end + 1] : '\0';
                if (end > _position && ((c == '-' && following == '-') || (c == '/' && following == '*') || (c == '@' && IsIdentifierStart(following))))
                {
                    break;
                }

                end++;
            }

            var length = end - _position;
            if (length > 1)
            {
                var hasSpecial = false;
                for (var i = _position; i < end; i++)
                {
                    if ("~!@#%^&|`?".IndexOf(_text[i]) >= 0)
                    {
                        hasSpecial = true;
                        break;
                    }
                }

                if (!hasSpecial)
                {
                    while (length > 1 && (_text[_position + length - 1] == '+' || _text[_position + length - 1] == '-'))
                    {
                        length--;
                    }
                }
            }

            _position += length;
            Add(SqlTokenKind.Operator, start, line, column, _text.Substring(start, length));
        }

        private void Add(SqlTokenKind kind, int start, int line, int column, string value) =>
            _tokens.Add(new SqlToken(kind, start, _position - start, line, column, value));

        private void Problem(string message, int offset, int line, int column) =>
            _problems.Add(new SqlProblem(message, line, column, offset));
    }
}
