using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>
    /// Recursive-descent parser for one statement's tokens. This part holds the token cursor; the grammar lives in
    /// the other parts (statements, queries, expressions, DDL).
    /// </summary>
    internal sealed partial class SqlParser
    {
        /// <summary>Deeper nesting than this is treated as unreadable rather than risking the compiler's stack.</summary>
        private const int MaxDepth = 200;

        /// <summary>
        /// Joins and set operations build left-deep trees that later walks recurse through; past this many in one
        /// statement the statement is treated as unreadable.
        /// </summary>
        private const int MaxChainLength = 500;

        private readonly List<SqlToken> _tokens;
        private readonly int _end;
        private readonly SqlToken _endToken;
        private int _position;
        private int _depth;
        private int _chainLength;

        private SqlParser(List<SqlToken> tokens, int start, int end)
        {
            _tokens = tokens;
            _position = start;
            _end = end;
            var endOffset = end < tokens.Count ? tokens[end].Start : tokens[tokens.Count - 1].End;
            _endToken = new SqlToken(SqlTokenKind.EndOfInput, endOffset, 0, 0, 0, string.Empty);
        }

        /// <summary>Parses tokens [start, end) as one statement; never throws.</summary>
        public static SqlStatement ParseStatement(List<SqlToken> tokens, int start, int end)
        {
            var parser = new SqlParser(tokens, start, end);
            SqlStatement statement;
            try
            {
                statement = parser.ParseStatementCore();
                if (!parser.AtEnd)
                {
                    throw parser.Unexpected();
                }
            }
            catch (SqlParseException exception)
            {
                statement = new UnparsedStatement(exception.Message, exception.Offset);
            }

            statement.Start = tokens[start].Start;
            statement.End = tokens[end - 1].End;
            return statement;
        }

        private bool AtEnd => _position >= _end;

        private SqlToken Current => _position < _end ? _tokens[_position] : _endToken;

        private SqlToken PeekToken(int ahead) => _position + ahead < _end ? _tokens[_position + ahead] : _endToken;

        /// <summary>End offset of the last consumed token.</summary>
        private int LastEnd => _tokens[_position - 1].End;

        private SqlToken Advance()
        {
            var token = Current;
            if (_position < _end)
            {
                _position++;
            }

            return token;
        }

        private bool Accept(string keyword)
        {
            if (Current.Is(keyword))
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool Accept(SqlTokenKind kind)
        {
            if (Current.Kind == kind && !AtEnd)
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool AcceptSequence(string first, string second)
        {
            if (Current.Is(first) && PeekToken(1).Is(second))
            {
                _position += 2;
                return true;
            }

            return false;
        }

        private void Expect(string keyword)
        {
            if (!Accept(keyword))
            {
                throw Error("Expected " + keyword.ToUpperInvariant());
            }
        }

        private SqlToken Expect(SqlTokenKind kind)
        {
            if (Current.Kind != kind || AtEnd)
            {
                throw Error("Expected " + Describe(kind));
            }

            return Advance();
        }

        private string ExpectIdentifier()
        {
            if (!Current.IsIdentifierLike)
            {
                throw Error("Expected a name");
            }

            return Advance().Value;
        }

        private SqlParseException Unexpected() => Error("Unexpected " + (AtEnd ? "end of statement" : "'" + Current.Value + "'"));

        private SqlParseException Error(string message)
        {
            var token = Current;
            var where = token.Line > 0 ? " at line " + token.Line + ", column " + token.Column : " at the end";
            return new SqlParseException(message + where + ".", token.Start);
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error("Nesting too deep to read");
            }
        }

        private void Leave() => _depth--;

        private void CountChainLink()
        {
            if (++_chainLength > MaxChainLength)
            {
                throw Error("Too many joins or set operations to read");
            }
        }

        /// <summary>Skips a balanced ( … ) group starting at the current '('.</summary>
        private void SkipParenthesized()
        {
            Expect(SqlTokenKind.LeftParen);
            var depth = 1;
            while (!AtEnd && depth > 0)
            {
                var kind = Advance().Kind;
                if (kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.RightParen)
                {
                    depth--;
                }
            }

            if (depth > 0)
            {
                throw Error("Expected )");
            }
        }

        private static string Describe(SqlTokenKind kind)
        {
            switch (kind)
            {
                case SqlTokenKind.LeftParen:
                    return "(";
                case SqlTokenKind.RightParen:
                    return ")";
                case SqlTokenKind.RightBracket:
                    return "]";
                case SqlTokenKind.Comma:
                    return ",";
                default:
                    return kind.ToString();
            }
        }
    }
}
