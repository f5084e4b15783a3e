using System.Text;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Which statement this is, and the statements that are not DML or table DDL.</summary>
    internal sealed partial class SqlParser
    {
        private SqlStatement ParseStatementCore()
        {
            var token = Current;
            if (token.Kind == SqlTokenKind.LeftParen)
            {
                return new SelectStatement(ParseQuery());
            }

            if (token.Kind != SqlTokenKind.Identifier)
            {
                throw Error("Expected a statement");
            }

            switch (token.Value)
            {
                case "with":
                    return ParseWithStatement();
                case "select":
                case "values":
                case "table":
                    return new SelectStatement(ParseQuery());
                case "insert":
                    return ParseInsert(null);
                case "update":
                    return ParseUpdate(null);
                case "delete":
                    return ParseDelete(null);
                case "set":
                case "reset":
                    return ParseSet();
                case "create":
                    return IsCreateTable() ? ParseCreateTable() : SkipOtherStatement(2);
                case "alter":
                    return PeekToken(1).Is("table") && !PeekToken(2).Is("all") ? ParseAlterTable() : SkipOtherStatement(2);
                case "drop":
                    return PeekToken(1).Is("table") ? ParseDropTable() : SkipOtherStatement(2);
                case "explain":
                    return ParseExplain();
            }

            if (SqlKeywords.OtherStatementStarts.Contains(token.Value))
            {
                return SkipOtherStatement(1);
            }

            throw Error("Unrecognised statement '" + token.Value + "'");
        }

        private SqlStatement ParseWithStatement()
        {
            var start = _position;
            var with = ParseWith();
            if (Current.Is("insert"))
            {
                return ParseInsert(with);
            }

            if (Current.Is("update"))
            {
                return ParseUpdate(with);
            }

            if (Current.Is("delete"))
            {
                return ParseDelete(with);
            }

            _position = start;
            return new SelectStatement(ParseQuery());
        }

        /// <summary>EXPLAIN [ANALYZE] [VERBOSE] [(options)] statement: EXPLAIN ANALYZE runs it, so it is read as that statement.</summary>
        private SqlStatement ParseExplain()
        {
            Expect("explain");
            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                SkipParenthesized();
            }

            while (Current.Is("analyze") || Current.Is("analyse") || Current.Is("verbose"))
            {
                Advance();
            }

            return ParseStatementCore();
        }

        /// <summary>A statement recognised by its first words; its body is not modelled.</summary>
        private SqlStatement SkipOtherStatement(int kindWords)
        {
            var kind = new StringBuilder();
            for (var i = 0; i < kindWords && PeekToken(i).Kind == SqlTokenKind.Identifier; i++)
            {
                if (i > 0)
                {
                    kind.Append(' ');
                }

                kind.Append(PeekToken(i).Value.ToUpperInvariant());
            }

            _position = _end;
            return new OtherStatement(kind.ToString());
        }

        private SqlStatement ParseSet()
        {
            var isReset = Advance().Is("reset");
            var scope = SettingScope.Default;
            if (!isReset)
            {
                if (Current.Is("local") && !PeekToken(1).Is("time"))
                {
                    Advance();
                    scope = SettingScope.Local;
                }
                else if (Current.Is("session") && !PeekToken(1).Is("authorization") && !PeekToken(1).Is("characteristics"))
                {
                    Advance();
                    scope = SettingScope.Session;
                }
                else if (Current.Is("local") || Current.Is("session"))
                {
                    // SET LOCAL TIME ZONE …, SET SESSION AUTHORIZATION …
                    if (Current.Is("local"))
                    {
                        Advance();
                        scope = SettingScope.Local;
                    }
                }
            }

            string name;
            if (AcceptSequence("time", "zone"))
            {
                name = "time zone";
            }
            else if (Current.Is("role") || Current.Is("session") || Current.Is("transaction") || Current.Is("constraints") ||
                     Current.Is("names") || Current.Is("schema") || Current.Is("xml") || Current.Is("all"))
            {
                name = Advance().Value;
                var special = new SetStatement(name, scope) { IsReset = isReset };
                _position = _end;
                return special;
            }
            else
            {
                name = string.Join(".", ParseQualifiedNameParts());
            }

            var statement = new SetStatement(name, scope) { IsReset = isReset };
            if (isReset)
            {
                return statement;
            }

            if (!Accept("to") && !Accept(SqlTokenKind.Operator))
            {
                if (name != "time zone")
                {
                    throw Error("Expected TO or = in SET");
                }
            }

            statement.ValueStart = Current.Start;
            do
            {
                statement.Values.Add(ParseSetValue());
            }
            while (Accept(SqlTokenKind.Comma));

            statement.ValueEnd = LastEnd;
            return statement;
        }

        /// <summary>A SET value: a literal, a placeholder, DEFAULT, or a bare word such as on / off / public.</summary>
        private SqlExpression ParseSetValue()
        {
            var token = Current;
            if (token.IsIdentifierLike && (PeekToken(1).Kind == SqlTokenKind.Comma || PeekToken(1).Kind == SqlTokenKind.EndOfInput || _position + 1 >= _end))
            {
                Advance();
                var kind = token.Is("default") ? LiteralKind.Default : LiteralKind.Other;
                return new LiteralExpression(kind, token.Value, token.Kind) { Start = token.Start, End = token.End };
            }

            return ParseExpression();
        }
    }
}
