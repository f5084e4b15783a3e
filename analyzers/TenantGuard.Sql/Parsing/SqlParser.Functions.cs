using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Function calls with their SQL-standard argument forms, aggregates' ORDER BY / FILTER / WITHIN GROUP, and OVER windows.</summary>
    internal sealed partial class SqlParser
    {
        private SqlExpression ParseFunctionCall(List<string> nameParts, int start)
        {
            var call = new FunctionCallExpression(nameParts[nameParts.Count - 1], new List<SqlExpression>())
            {
                Start = start,
                Schema = nameParts.Count > 1 ? nameParts[nameParts.Count - 2] : null,
            };
            ParseFunctionArguments(call);

            if (AcceptSequence("within", "group"))
            {
                Expect(SqlTokenKind.LeftParen);
                Expect("order");
                Expect("by");
                call.ExtraList.AddRange(ParseSortList());
                Expect(SqlTokenKind.RightParen);
            }

            if (Current.Is("filter") && PeekToken(1).Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                Advance();
                Expect("where");
                call.ExtraList.Add(ParseExpression());
                Expect(SqlTokenKind.RightParen);
            }

            if (Accept("over"))
            {
                if (Current.Kind == SqlTokenKind.LeftParen)
                {
                    call.ExtraList.Add(ParseWindowSpecification());
                }
                else
                {
                    ExpectIdentifier();
                }
            }

            call.End = LastEnd;
            return call;
        }

        private void ParseFunctionArguments(FunctionCallExpression call)
        {
            Expect(SqlTokenKind.LeftParen);
            if (Accept(SqlTokenKind.RightParen))
            {
                return;
            }

            if (!Accept("distinct"))
            {
                Accept("all");
            }

            while (true)
            {
                Accept("variadic");
                var argument = ParseExpression();
                if (Current.IsOperator("=>") || Current.IsOperator(":="))
                {
                    Advance();
                    argument = ParseExpression();
                }

                call.ArgumentList.Add(argument);
                if (Accept(SqlTokenKind.Comma))
                {
                    continue;
                }

                if (AcceptSequence("order", "by"))
                {
                    call.ExtraList.AddRange(ParseSortList());
                }

                // extract(f FROM x), substring(x FROM a FOR b), overlay(x PLACING y FROM a), trim(x FROM y).
                if (Current.Is("from") || Current.Is("for") || Current.Is("placing") || Current.Is("in"))
                {
                    Advance();
                    continue;
                }

                if (Accept(SqlTokenKind.RightParen))
                {
                    return;
                }

                // Unmodelled argument syntax: skip it, keeping any subquery inside.
                call.ExtraList.Add(ParseOpaqueUntil(stopAtComma: true));
                if (Accept(SqlTokenKind.Comma))
                {
                    continue;
                }

                Expect(SqlTokenKind.RightParen);
                return;
            }
        }

        /// <summary>( [existing] [PARTITION BY …] [ORDER BY …] [frame] ).</summary>
        private SqlExpression ParseWindowSpecification()
        {
            var spec = new OpaqueExpression { Start = Current.Start };
            Expect(SqlTokenKind.LeftParen);
            if (Current.IsIdentifierLike && !Current.Is("partition") && !Current.Is("order") && !Current.Is("range") &&
                !Current.Is("rows") && !Current.Is("groups"))
            {
                Advance();
            }

            if (AcceptSequence("partition", "by"))
            {
                spec.PartList.AddRange(ParseExpressionList());
            }

            if (AcceptSequence("order", "by"))
            {
                spec.PartList.AddRange(ParseSortList());
            }

            // The frame clause (ROWS BETWEEN … AND …, EXCLUDE …) holds only offsets: skip it.
            var depth = 0;
            while (!AtEnd && (depth > 0 || Current.Kind != SqlTokenKind.RightParen))
            {
                var kind = Advance().Kind;
                depth += kind == SqlTokenKind.LeftParen ? 1 : kind == SqlTokenKind.RightParen ? -1 : 0;
            }

            Expect(SqlTokenKind.RightParen);
            spec.End = LastEnd;
            return spec;
        }

        /// <summary>expr [ASC | DESC | USING op] [NULLS {FIRST | LAST}], …</summary>
        private List<SqlExpression> ParseSortList()
        {
            var list = new List<SqlExpression>();
            do
            {
                list.Add(ParseExpression());
                if (!Accept("asc") && !Accept("desc") && Accept("using"))
                {
                    Advance();
                }

                if (Accept("nulls") && !Accept("first"))
                {
                    Expect("last");
                }
            }
            while (Accept(SqlTokenKind.Comma));

            return list;
        }
    }
}
