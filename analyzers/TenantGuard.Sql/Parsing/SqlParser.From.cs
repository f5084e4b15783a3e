using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>FROM and USING lists: tables, subqueries, table functions, joins and aliases.</summary>
    internal sealed partial class SqlParser
    {
        private void ParseFromList(List<TableReference> from)
        {
            do
            {
                from.Add(ParseTableReference());
            }
            while (Accept(SqlTokenKind.Comma));
        }

        /// <summary>A FROM item followed by any number of joins.</summary>
        private TableReference ParseTableReference()
        {
            Enter();
            try
            {
                var left = ParseTablePrimary();
                while (true)
                {
                    var natural = Accept("natural");
                    string kind;
                    if (Accept("join"))
                    {
                        kind = "inner";
                    }
                    else if (Current.Is("inner") || Current.Is("cross"))
                    {
                        kind = Advance().Value;
                        Expect("join");
                    }
                    else if ((Current.Is("left") || Current.Is("right") || Current.Is("full")) &&
                             (PeekToken(1).Is("join") || PeekToken(1).Is("outer")))
                    {
                        kind = Advance().Value;
                        Accept("outer");
                        Expect("join");
                    }
                    else
                    {
                        if (natural)
                        {
                            throw Error("Expected JOIN after NATURAL");
                        }

                        return left;
                    }

                    CountChainLink();
                    var right = ParseTablePrimary();
                    var join = new JoinTableReference(kind, left, right) { Natural = natural, Start = left.Start };
                    if (kind != "cross" && !natural)
                    {
                        if (Accept("on"))
                        {
                            join.On = ParseExpression();
                        }
                        else if (Accept("using"))
                        {
                            join.Using = ParseColumnNameList();
                            if (Accept("as"))
                            {
                                ExpectIdentifier();
                            }
                        }
                        else
                        {
                            throw Error("Expected ON or USING after JOIN");
                        }
                    }

                    join.End = LastEnd;
                    left = join;
                }
            }
            finally
            {
                Leave();
            }
        }

        private TableReference ParseTablePrimary()
        {
            var start = Current.Start;
            var lateral = Accept("lateral");
            TableReference reference;
            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                if (StartsQuery(PeekToken(1)) || LooksLikeParenthesizedQuery(1))
                {
                    Advance();
                    var query = ParseQuery();
                    Expect(SqlTokenKind.RightParen);
                    reference = new SubqueryTableReference(query) { Lateral = lateral };
                }
                else
                {
                    Advance();
                    reference = ParseTableReference();
                    Expect(SqlTokenKind.RightParen);
                }
            }
            else if (Current.Is("rows") && PeekToken(1).Is("from"))
            {
                Advance();
                Advance();
                var function = new FunctionTableReference();
                Expect(SqlTokenKind.LeftParen);
                do
                {
                    function.CallList.Add(ParseExpression());
                    SkipColumnDefinitionList();
                }
                while (Accept(SqlTokenKind.Comma));

                Expect(SqlTokenKind.RightParen);
                AcceptSequence("with", "ordinality");
                reference = function;
            }
            else
            {
                var only = Accept("only");
                if (Current.Kind == SqlTokenKind.Identifier && SqlKeywords.CannotStartExpression.Contains(Current.Value))
                {
                    throw Error("Expected a table name");
                }

                if (!only && Current.IsIdentifierLike && IsFunctionInFrom())
                {
                    var function = new FunctionTableReference();
                    function.CallList.Add(ParsePostfix(ParsePrimary()));
                    AcceptSequence("with", "ordinality");
                    reference = function;
                }
                else
                {
                    var table = ParseNamedTable();
                    Accept(SqlTokenKind.Operator); // ONLY-less inheritance marker: name *
                    SkipTableSample();
                    reference = table;
                }
            }

            reference.Start = start;
            ParseTableAlias(reference);
            reference.End = LastEnd;
            return reference;
        }

        /// <summary>name(… or schema.name(… in FROM is a set-returning function.</summary>
        private bool IsFunctionInFrom()
        {
            var ahead = 1;
            while (PeekToken(ahead).Kind == SqlTokenKind.Dot && PeekToken(ahead + 1).IsIdentifierLike)
            {
                ahead += 2;
            }

            return PeekToken(ahead).Kind == SqlTokenKind.LeftParen;
        }

        private NamedTableReference ParseNamedTable()
        {
            if (Current.Kind == SqlTokenKind.Identifier && SqlKeywords.CannotStartExpression.Contains(Current.Value))
            {
                throw Error("Expected a table name");
            }

            var start = Current.Start;
            var parts = ParseQualifiedNameParts();
            var name = parts.Count == 1
                ? new QualifiedName(null, parts[0])
                : new QualifiedName(parts[parts.Count - 2], parts[parts.Count - 1]);
            return new NamedTableReference(name, start, LastEnd) { Start = start, End = LastEnd };
        }

        private void SkipTableSample()
        {
            if (Accept("tablesample"))
            {
                ExpectIdentifier();
                SkipParenthesized();
                if (Accept("repeatable"))
                {
                    SkipParenthesized();
                }
            }
        }

        /// <summary>[AS] alias [(col, …)] — also the column definition list of a record-returning function.</summary>
        private void ParseTableAlias(TableReference reference)
        {
            if (Accept("as"))
            {
                if (Current.Kind == SqlTokenKind.LeftParen)
                {
                    SkipParenthesized();
                    return;
                }

                reference.Alias = ExpectIdentifier();
            }
            else if (Current.Kind == SqlTokenKind.QuotedIdentifier ||
                     (Current.Kind == SqlTokenKind.Identifier && !SqlKeywords.NotBareAlias.Contains(Current.Value)))
            {
                reference.Alias = Advance().Value;
            }
            else
            {
                return;
            }

            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                SkipParenthesized();
            }
        }

        private void SkipColumnDefinitionList()
        {
            if (Accept("as") && Current.Kind == SqlTokenKind.LeftParen)
            {
                SkipParenthesized();
            }
        }

        private List<string> ParseColumnNameList()
        {
            var names = new List<string>();
            Expect(SqlTokenKind.LeftParen);
            do
            {
                names.Add(ExpectIdentifier());
            }
            while (Accept(SqlTokenKind.Comma));

            Expect(SqlTokenKind.RightParen);
            return names;
        }
    }
}
