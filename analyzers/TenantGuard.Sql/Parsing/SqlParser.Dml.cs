using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>INSERT, UPDATE and DELETE.</summary>
    internal sealed partial class SqlParser
    {
        private InsertStatement ParseInsert(WithClause? with)
        {
            Expect("insert");
            Expect("into");
            var target = ParseNamedTable();
            if (Accept("as"))
            {
                target.Alias = ExpectIdentifier();
            }

            var insert = new InsertStatement(target) { With = with };
            if (Current.Kind == SqlTokenKind.LeftParen && !StartsQuery(PeekToken(1)) && !LooksLikeParenthesizedQuery(1))
            {
                Advance();
                var columns = new List<string>();
                do
                {
                    columns.Add(ExpectIdentifier());
                    SkipColumnIndirection();
                }
                while (Accept(SqlTokenKind.Comma));

                insert.ColumnListCloseOffset = Current.Start;
                Expect(SqlTokenKind.RightParen);
                insert.Columns = columns;
            }

            if (Accept("overriding"))
            {
                Advance();
                Expect("value");
            }

            if (!AcceptSequence("default", "values"))
            {
                insert.Source = ParseQuery();
            }

            if (AcceptSequence("on", "conflict"))
            {
                ParseOnConflict(insert.OtherExpressions);
            }

            ParseReturning(insert.OtherExpressions);
            return insert;
        }

        private void SkipColumnIndirection()
        {
            while (true)
            {
                if (Current.Kind == SqlTokenKind.Dot && PeekToken(1).IsIdentifierLike)
                {
                    _position += 2;
                }
                else if (Current.Kind == SqlTokenKind.LeftBracket)
                {
                    ParseSubscript(new ColumnReference(new[] { string.Empty }));
                }
                else
                {
                    return;
                }
            }
        }

        private void ParseOnConflict(List<SqlExpression> expressions)
        {
            if (AcceptSequence("on", "constraint"))
            {
                ExpectIdentifier();
            }
            else if (Current.Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                do
                {
                    expressions.Add(ParseExpression());
                    if (Accept("collate"))
                    {
                        ParseQualifiedNameParts();
                    }

                    if (Current.Kind == SqlTokenKind.Identifier && !Current.Is("asc") && !Current.Is("desc"))
                    {
                        Accept(SqlTokenKind.Identifier); // operator class
                    }

                    if (!Accept("asc"))
                    {
                        Accept("desc");
                    }
                }
                while (Accept(SqlTokenKind.Comma));

                Expect(SqlTokenKind.RightParen);
                if (Accept("where"))
                {
                    expressions.Add(ParseExpression());
                }
            }

            Expect("do");
            if (Accept("nothing"))
            {
                return;
            }

            Expect("update");
            Expect("set");
            ParseAssignments(expressions);
            if (Accept("where"))
            {
                expressions.Add(ParseExpression());
            }
        }

        private void ParseAssignments(List<SqlExpression> values)
        {
            do
            {
                if (Current.Kind == SqlTokenKind.LeftParen)
                {
                    SkipParenthesized();
                }
                else
                {
                    ExpectIdentifier();
                    SkipColumnIndirection();
                }

                if (!Current.IsOperator("="))
                {
                    throw Error("Expected = in SET");
                }

                Advance();
                values.Add(ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
        }

        private void ParseReturning(List<SqlExpression> expressions)
        {
            if (!Accept("returning"))
            {
                return;
            }

            do
            {
                expressions.Add(ParseExpression());
                SkipColumnAlias();
            }
            while (Accept(SqlTokenKind.Comma));
        }

        private UpdateStatement ParseUpdate(WithClause? with)
        {
            Expect("update");
            Accept("only");
            var target = ParseNamedTable();
            Accept(SqlTokenKind.Operator);
            ParseTableAlias(target);
            var update = new UpdateStatement(target) { With = with };
            Expect("set");
            ParseAssignments(update.Assignments);
            update.WhereInsertOffset = LastEnd;
            if (Accept("from"))
            {
                ParseFromList(update.From);
                update.WhereInsertOffset = LastEnd;
            }

            ParseDmlWhere(update, out var where, out var currentOf);
            update.Where = where;
            update.WhereCurrentOf = currentOf;
            ParseReturning(update.Returning);
            return update;
        }

        private DeleteStatement ParseDelete(WithClause? with)
        {
            Expect("delete");
            Expect("from");
            Accept("only");
            var target = ParseNamedTable();
            Accept(SqlTokenKind.Operator);
            ParseTableAlias(target);
            var delete = new DeleteStatement(target) { With = with, WhereInsertOffset = LastEnd };
            if (Accept("using"))
            {
                ParseFromList(delete.Using);
                delete.WhereInsertOffset = LastEnd;
            }

            ParseDmlWhere(delete, out var where, out var currentOf);
            delete.Where = where;
            delete.WhereCurrentOf = currentOf;
            ParseReturning(delete.Returning);
            return delete;
        }

        private void ParseDmlWhere(SqlStatement statement, out SqlExpression? where, out bool currentOf)
        {
            where = null;
            currentOf = false;
            if (!Accept("where"))
            {
                return;
            }

            if (AcceptSequence("current", "of"))
            {
                currentOf = true;
                ExpectIdentifier();
                return;
            }

            where = ParseExpression();
        }
    }
}
