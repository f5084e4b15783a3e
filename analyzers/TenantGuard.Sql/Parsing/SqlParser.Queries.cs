using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Queries: WITH, set operations, SELECT blocks, VALUES, and the trailing ORDER BY / LIMIT / locking clauses.</summary>
    internal sealed partial class SqlParser
    {
        private QueryExpression ParseQuery()
        {
            Enter();
            try
            {
                var start = Current.Start;
                WithClause? with = Current.Is("with") ? ParseWith() : null;
                var query = ParseUnionLevel();
                ParseTrailingClauses(query);
                if (with != null)
                {
                    if (query.With != null)
                    {
                        throw Error("Two WITH clauses for one query");
                    }

                    query.With = with;
                    query.Start = start;
                }

                return query;
            }
            finally
            {
                Leave();
            }
        }

        private WithClause ParseWith()
        {
            var with = new WithClause { Start = Current.Start };
            Expect("with");
            with.Recursive = Accept("recursive");
            do
            {
                var start = Current.Start;
                var name = ExpectIdentifier();
                if (Current.Kind == SqlTokenKind.LeftParen)
                {
                    SkipParenthesized();
                }

                Expect("as");
                if (!Accept("materialized"))
                {
                    if (AcceptSequence("not", "materialized"))
                    {
                        // NOT MATERIALIZED
                    }
                }

                Expect(SqlTokenKind.LeftParen);
                var body = ParseCteBody();
                Expect(SqlTokenKind.RightParen);
                SkipSearchOrCycleClause();
                with.TableList.Add(new CommonTableExpression(name, body) { Start = start, End = LastEnd });
            }
            while (Accept(SqlTokenKind.Comma));

            with.End = LastEnd;
            return with;
        }

        private SqlStatement ParseCteBody()
        {
            var start = Current.Start;
            SqlStatement body;
            if (Current.Is("insert"))
            {
                body = ParseInsert(null);
            }
            else if (Current.Is("update"))
            {
                body = ParseUpdate(null);
            }
            else if (Current.Is("delete"))
            {
                body = ParseDelete(null);
            }
            else
            {
                body = new SelectStatement(ParseQuery());
            }

            body.Start = start;
            body.End = LastEnd;
            return body;
        }

        /// <summary>SEARCH {DEPTH | BREADTH} FIRST BY … SET …, CYCLE … SET … [TO … DEFAULT …] USING …</summary>
        private void SkipSearchOrCycleClause()
        {
            while (Current.Is("search") || Current.Is("cycle"))
            {
                while (!AtEnd && Current.Kind != SqlTokenKind.Comma && !StartsQuery(Current) &&
                       !Current.Is("insert") && !Current.Is("update") && !Current.Is("delete"))
                {
                    if (Current.Is("using"))
                    {
                        Advance();
                        ExpectIdentifier();
                        break;
                    }

                    Advance();
                }
            }
        }

        private QueryExpression ParseUnionLevel()
        {
            var left = ParseIntersectLevel();
            while (Current.Is("union") || Current.Is("except"))
            {
                var op = Advance().Value;
                var all = Accept("all");
                if (!all)
                {
                    Accept("distinct");
                }

                CountChainLink();
                var right = ParseIntersectLevel();
                left = new SetOperationQuery(op, all, left, right) { Start = left.Start, End = right.End };
            }

            return left;
        }

        private QueryExpression ParseIntersectLevel()
        {
            var left = ParseQueryPrimary();
            while (Current.Is("intersect"))
            {
                Advance();
                var all = Accept("all");
                if (!all)
                {
                    Accept("distinct");
                }

                CountChainLink();
                var right = ParseQueryPrimary();
                left = new SetOperationQuery("intersect", all, left, right) { Start = left.Start, End = right.End };
            }

            return left;
        }

        private QueryExpression ParseQueryPrimary()
        {
            if (Current.Is("select"))
            {
                return ParseSelectBlock();
            }

            if (Current.Is("values"))
            {
                return ParseValues();
            }

            if (Current.Is("table"))
            {
                var start = Advance().Start;
                Accept("only");
                var table = ParseNamedTable();
                Accept(SqlTokenKind.Operator);
                return new TableQuery(table) { Start = start, End = LastEnd };
            }

            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                var start = Advance().Start;
                var inner = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                inner.Start = start;
                inner.End = LastEnd;
                return inner;
            }

            throw Error("Expected SELECT, VALUES or a parenthesised query");
        }

        private ValuesQuery ParseValues()
        {
            var values = new ValuesQuery { Start = Current.Start };
            Expect("values");
            do
            {
                var start = Current.Start;
                if (Current.Kind != SqlTokenKind.LeftParen)
                {
                    throw Error("Expected ( after VALUES");
                }

                var row = (RowExpression)ParseRowItems(string.Empty, start);
                values.RowList.Add(row);
            }
            while (Accept(SqlTokenKind.Comma));

            values.End = LastEnd;
            return values;
        }

        private SelectQuery ParseSelectBlock()
        {
            var block = new SelectQuery { Start = Current.Start };
            Expect("select");
            if (Accept("distinct"))
            {
                block.Distinct = true;
                if (Accept("on"))
                {
                    Expect(SqlTokenKind.LeftParen);
                    block.OtherClauseList.AddRange(ParseExpressionList());
                    Expect(SqlTokenKind.RightParen);
                }
            }
            else
            {
                Accept("all");
            }

            if (!IsSelectListEnd(Current))
            {
                do
                {
                    var item = ParseExpression();
                    SkipColumnAlias();
                    block.SelectItemList.Add(item);
                }
                while (Accept(SqlTokenKind.Comma));
            }

            if (Accept("into"))
            {
                // SELECT … INTO new_table: creates a table; the target is not a read.
                if (!Accept("temporary") && !Accept("temp"))
                {
                    Accept("unlogged");
                }

                Accept("table");
                ParseQualifiedNameParts();
            }

            block.WhereInsertOffset = LastEnd;
            if (Accept("from"))
            {
                ParseFromList(block.FromList);
                block.WhereInsertOffset = LastEnd;
            }

            if (Accept("where"))
            {
                block.Where = ParseExpression();
            }

            if (AcceptSequence("group", "by"))
            {
                if (!Accept("all"))
                {
                    Accept("distinct");
                }

                do
                {
                    // GROUPING SETS ((a), ()) reads as a function-like list; ROLLUP (…) and CUBE (…) already do.
                    AcceptSequence("grouping", "sets");
                    block.OtherClauseList.Add(ParseExpression());
                }
                while (Accept(SqlTokenKind.Comma));
            }

            if (Accept("having"))
            {
                block.OtherClauseList.Add(ParseExpression());
            }

            if (Accept("window"))
            {
                do
                {
                    ExpectIdentifier();
                    Expect("as");
                    block.OtherClauseList.Add(ParseWindowSpecification());
                }
                while (Accept(SqlTokenKind.Comma));
            }

            block.End = LastEnd;
            return block;
        }

        private static bool IsSelectListEnd(SqlToken token) =>
            token.Kind == SqlTokenKind.EndOfInput || token.Kind == SqlTokenKind.RightParen || token.Kind == SqlTokenKind.Semicolon ||
            token.Is("from") || token.Is("where") || token.Is("group") || token.Is("having") || token.Is("window") ||
            token.Is("order") || token.Is("limit") || token.Is("offset") || token.Is("fetch") || token.Is("for") ||
            token.Is("union") || token.Is("intersect") || token.Is("except") || token.Is("into");

        private void SkipColumnAlias()
        {
            if (Accept("as"))
            {
                if (!Current.IsIdentifierLike)
                {
                    throw Error("Expected a column alias");
                }

                Advance();
            }
            else if (Current.Kind == SqlTokenKind.QuotedIdentifier ||
                     (Current.Kind == SqlTokenKind.Identifier && !SqlKeywords.NotBareAlias.Contains(Current.Value)))
            {
                Advance();
            }
        }

        /// <summary>ORDER BY, LIMIT, OFFSET, FETCH and FOR UPDATE/SHARE, in any order.</summary>
        private void ParseTrailingClauses(QueryExpression query)
        {
            while (true)
            {
                if (AcceptSequence("order", "by"))
                {
                    query.TrailingList.AddRange(ParseSortList());
                }
                else if (Accept("limit"))
                {
                    if (!Accept("all"))
                    {
                        query.TrailingList.Add(ParseExpression());
                    }
                }
                else if (Accept("offset"))
                {
                    query.TrailingList.Add(ParseExpression());
                    if (!Accept("rows"))
                    {
                        Accept("row");
                    }
                }
                else if (Accept("fetch"))
                {
                    if (!Accept("first"))
                    {
                        Expect("next");
                    }

                    if (!Current.Is("row") && !Current.Is("rows"))
                    {
                        query.TrailingList.Add(ParseUnary());
                    }

                    if (!Accept("rows"))
                    {
                        Expect("row");
                    }

                    if (!Accept("only"))
                    {
                        Expect("with");
                        Expect("ties");
                    }
                }
                else if (Current.Is("for") && !PeekToken(1).Is("each"))
                {
                    ParseLockingClause();
                }
                else
                {
                    query.End = _position > 0 ? System.Math.Max(query.End, LastEnd) : query.End;
                    return;
                }
            }
        }

        private void ParseLockingClause()
        {
            Expect("for");
            if (Accept("no"))
            {
                Expect("key");
                Expect("update");
            }
            else if (Accept("key"))
            {
                Expect("share");
            }
            else if (!Accept("update"))
            {
                Expect("share");
            }

            if (Accept("of"))
            {
                do
                {
                    ParseQualifiedNameParts();
                }
                while (Accept(SqlTokenKind.Comma));
            }

            if (!Accept("nowait") && Accept("skip"))
            {
                Expect("locked");
            }
        }
    }
}
