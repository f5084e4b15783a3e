using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Primary expressions: literals, placeholders, names, parentheses, rows and arrays, CASE, CAST, typed literals.</summary>
    internal sealed partial class SqlParser
    {
        private SqlExpression ParsePrimary()
        {
            Enter();
            try
            {
                return ParsePrimaryCore();
            }
            finally
            {
                Leave();
            }
        }

        private SqlExpression ParsePrimaryCore()
        {
            var token = Current;
            var start = token.Start;
            switch (token.Kind)
            {
                case SqlTokenKind.PositionalParameter:
                case SqlTokenKind.NamedParameter:
                case SqlTokenKind.InterpolationHole:
                    Advance();
                    return new PlaceholderExpression(token.Value) { Start = start, End = token.End };
                case SqlTokenKind.Number:
                    Advance();
                    return new LiteralExpression(LiteralKind.Number, token.Value, token.Kind) { Start = start, End = token.End };
                case SqlTokenKind.String:
                case SqlTokenKind.EscapeString:
                case SqlTokenKind.NationalString:
                case SqlTokenKind.UnicodeString:
                case SqlTokenKind.DollarString:
                    Advance();
                    SkipUescape();
                    var value = ContinueStringConstant(token);
                    return new LiteralExpression(LiteralKind.String, value, token.Kind) { Start = start, End = LastEnd };
                case SqlTokenKind.BitString:
                case SqlTokenKind.HexString:
                    Advance();
                    return new LiteralExpression(LiteralKind.Other, token.Value, token.Kind) { Start = start, End = token.End };
                case SqlTokenKind.LeftParen:
                    return ParseParenthesized();
                case SqlTokenKind.LeftBracket:
                    return ParseArrayItems("array", start);
                case SqlTokenKind.Operator when token.Value == "*":
                    Advance();
                    return new ColumnReference(new[] { "*" }) { Start = start, End = token.End };
                case SqlTokenKind.Identifier:
                case SqlTokenKind.QuotedIdentifier:
                    return ParseNamePrimary();
            }

            if (IsExpressionEnd(token) || token.Kind == SqlTokenKind.EndOfInput)
            {
                throw Unexpected();
            }

            return ParseOpaque();
        }

        /// <summary>'a' followed by 'b' on a later line is one constant 'ab', as the server reads it.</summary>
        private string ContinueStringConstant(SqlToken first)
        {
            var value = first.Value;
            while (first.Kind == SqlTokenKind.String && Current.Kind == SqlTokenKind.String && !AtEnd && Current.Line > _tokens[_position - 1].Line)
            {
                value += Advance().Value;
            }

            return value;
        }

        private void SkipUescape()
        {
            if (Current.Is("uescape") && PeekToken(1).IsStringLiteral)
            {
                _position += 2;
            }
        }

        private SqlExpression ParseNamePrimary()
        {
            var token = Current;
            var start = token.Start;
            if (token.Kind == SqlTokenKind.Identifier)
            {
                switch (token.Value)
                {
                    case "null":
                        Advance();
                        return new LiteralExpression(LiteralKind.Null, "null", token.Kind) { Start = start, End = token.End };
                    case "true":
                    case "false":
                        Advance();
                        return new LiteralExpression(LiteralKind.Boolean, token.Value, token.Kind) { Start = start, End = token.End };
                    case "default":
                        Advance();
                        return new LiteralExpression(LiteralKind.Default, "default", token.Kind) { Start = start, End = token.End };
                    case "case":
                        return ParseCase();
                    case "cast":
                    case "try_cast":
                        if (PeekToken(1).Kind == SqlTokenKind.LeftParen)
                        {
                            return ParseCast();
                        }

                        break;
                    case "exists":
                        if (PeekToken(1).Kind == SqlTokenKind.LeftParen)
                        {
                            Advance();
                            Advance();
                            var query = ParseQuery();
                            Expect(SqlTokenKind.RightParen);
                            return new ExistsExpression(query) { Start = start, End = LastEnd };
                        }

                        break;
                    case "array":
                        if (PeekToken(1).Kind == SqlTokenKind.LeftBracket)
                        {
                            Advance();
                            return ParseArrayItems("array", start);
                        }

                        if (PeekToken(1).Kind == SqlTokenKind.LeftParen && StartsQuery(PeekToken(2)))
                        {
                            Advance();
                            Advance();
                            var query = ParseQuery();
                            Expect(SqlTokenKind.RightParen);
                            return new SubqueryExpression(query) { Start = start, End = LastEnd };
                        }

                        break;
                    case "row":
                        if (PeekToken(1).Kind == SqlTokenKind.LeftParen)
                        {
                            Advance();
                            return ParseRowItems("row", start);
                        }

                        break;
                    case "interval":
                    case "date":
                    case "time":
                    case "timestamp":
                    case "timestamptz":
                        var zoneWords = (PeekToken(1).Is("with") || PeekToken(1).Is("without")) && PeekToken(2).Is("time") && PeekToken(3).Is("zone") ? 3 : 0;
                        if (PeekToken(1 + zoneWords).IsStringLiteral)
                        {
                            _position += zoneWords;
                            Advance();
                            var literal = Advance();
                            var typed = new LiteralExpression(LiteralKind.String, literal.Value, literal.Kind) { Start = literal.Start, End = literal.End };
                            SkipIntervalFields();
                            return new CastExpression(typed, token.Value) { Start = start, End = LastEnd };
                        }

                        break;
                }

                if (SqlKeywords.CannotStartExpression.Contains(token.Value))
                {
                    throw Unexpected();
                }
            }

            var parts = new List<string> { Advance().Value };
            while (Current.Kind == SqlTokenKind.Dot)
            {
                var next = PeekToken(1);
                if (next.IsIdentifierLike)
                {
                    Advance();
                    parts.Add(Advance().Value);
                }
                else if (next.IsOperator("*"))
                {
                    Advance();
                    Advance();
                    parts.Add("*");
                    break;
                }
                else
                {
                    break;
                }
            }

            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                return ParseFunctionCall(parts, start);
            }

            // Generic typed literal: uuid '…', jsonb '…', my_schema.my_type '…'.
            if (Current.IsStringLiteral && token.Kind == SqlTokenKind.Identifier)
            {
                var literal = Advance();
                var typed = new LiteralExpression(LiteralKind.String, literal.Value, literal.Kind) { Start = literal.Start, End = literal.End };
                return new CastExpression(typed, string.Join(".", parts)) { Start = start, End = LastEnd };
            }

            return new ColumnReference(parts.ToArray()) { Start = start, End = LastEnd };
        }

        private void SkipIntervalFields()
        {
            while (Current.Is("year") || Current.Is("month") || Current.Is("day") || Current.Is("hour") ||
                   Current.Is("minute") || Current.Is("second") || (Current.Is("to") && PeekToken(1).Kind == SqlTokenKind.Identifier))
            {
                Advance();
            }
        }

        private SqlExpression ParseParenthesized()
        {
            var start = Current.Start;
            if (StartsQuery(PeekToken(1)))
            {
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                return new SubqueryExpression(query) { Start = start, End = LastEnd };
            }

            if (PeekToken(1).Kind == SqlTokenKind.LeftParen && LooksLikeParenthesizedQuery(1) &&
                TryParseParenthesizedQuery(start) is { } subquery)
            {
                return subquery;
            }

            Advance();
            if (Accept(SqlTokenKind.RightParen))
            {
                return new RowExpression(string.Empty) { Start = start, End = LastEnd };
            }

            var first = ParseExpression();
            if (Current.Kind == SqlTokenKind.Comma)
            {
                var row = new RowExpression(string.Empty) { Start = start };
                row.ItemList.Add(first);
                while (Accept(SqlTokenKind.Comma))
                {
                    row.ItemList.Add(ParseExpression());
                }

                Expect(SqlTokenKind.RightParen);
                row.End = LastEnd;
                return row;
            }

            Expect(SqlTokenKind.RightParen);
            return new ParenthesizedExpression(first) { Start = start, End = LastEnd };
        }

        /// <summary>
        /// ((SELECT …) UNION (…)) is a query in parentheses, but ((SELECT …) = 1) is a comparison whose left side is a
        /// subquery: read it as a query, and when no ')' closes it there, read it again as an expression.
        /// </summary>
        private SqlExpression? TryParseParenthesizedQuery(int start)
        {
            int position = _position, depth = _depth, chainLength = _chainLength;
            try
            {
                Advance();
                var query = ParseQuery();
                if (Accept(SqlTokenKind.RightParen))
                {
                    return new SubqueryExpression(query) { Start = start, End = LastEnd };
                }
            }
            catch (SqlParseException)
            {
                // Not a query after all: read as an expression below.
            }

            _position = position;
            _depth = depth;
            _chainLength = chainLength;
            return null;
        }

        /// <summary>True when the '(' run at <paramref name="ahead"/> opens a query: ((SELECT …) UNION (…)).</summary>
        private bool LooksLikeParenthesizedQuery(int ahead)
        {
            while (PeekToken(ahead).Kind == SqlTokenKind.LeftParen)
            {
                ahead++;
            }

            return StartsQuery(PeekToken(ahead)) && !PeekToken(ahead).Is("values");
        }

        private static bool StartsQuery(SqlToken token) =>
            token.Is("select") || token.Is("with") || token.Is("values") || (token.Is("table") && token.Kind == SqlTokenKind.Identifier);

        private SqlExpression ParseRowItems(string constructor, int start)
        {
            var row = new RowExpression(constructor) { Start = start };
            Expect(SqlTokenKind.LeftParen);
            if (Current.Kind != SqlTokenKind.RightParen)
            {
                row.ItemList.AddRange(ParseExpressionList());
            }

            Expect(SqlTokenKind.RightParen);
            row.End = LastEnd;
            return row;
        }

        private SqlExpression ParseArrayItems(string constructor, int start)
        {
            var row = new RowExpression(constructor) { Start = start };
            Expect(SqlTokenKind.LeftBracket);
            if (Current.Kind != SqlTokenKind.RightBracket)
            {
                row.ItemList.AddRange(ParseExpressionList());
            }

            Expect(SqlTokenKind.RightBracket);
            row.End = LastEnd;
            return row;
        }

        private SqlExpression ParseCase()
        {
            var start = Advance().Start;
            var node = new CaseExpression { Start = start };
            if (!Current.Is("when"))
            {
                node.PartList.Add(ParseExpression());
            }

            while (Accept("when"))
            {
                node.PartList.Add(ParseExpression());
                Expect("then");
                node.PartList.Add(ParseExpression());
            }

            if (Accept("else"))
            {
                node.PartList.Add(ParseExpression());
            }

            Expect("end");
            node.End = LastEnd;
            return node;
        }

        private SqlExpression ParseCast()
        {
            var start = Advance().Start;
            Expect(SqlTokenKind.LeftParen);
            var operand = ParseExpression();
            Expect("as");
            var typeName = ParseTypeName();
            Expect(SqlTokenKind.RightParen);
            return new CastExpression(operand, typeName) { Start = start, End = LastEnd };
        }
    }
}
