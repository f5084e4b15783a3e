using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>CREATE / ALTER / DROP TABLE: just enough to follow which tables exist and which columns they have.</summary>
    internal sealed partial class SqlParser
    {
        private bool IsCreateTable()
        {
            var ahead = 1;
            if (PeekToken(ahead).Is("or") && PeekToken(ahead + 1).Is("replace"))
            {
                ahead += 2;
            }

            if (PeekToken(ahead).Is("global") || PeekToken(ahead).Is("local"))
            {
                ahead++;
            }

            if (PeekToken(ahead).Is("temporary") || PeekToken(ahead).Is("temp") || PeekToken(ahead).Is("unlogged"))
            {
                ahead++;
            }

            return PeekToken(ahead).Is("table");
        }

        private SqlStatement ParseCreateTable()
        {
            while (!Accept("table"))
            {
                Advance();
            }

            if (Current.Is("if"))
            {
                Advance();
                Expect("not");
                Expect("exists");
            }

            var create = new CreateTableStatement(ParseNamedTable().Name);
            if (Accept("of"))
            {
                _position = _end;
                return create;
            }

            if (AcceptSequence("partition", "of"))
            {
                create.PartitionOf = ParseNamedTable().Name;
                _position = _end;
                return create;
            }

            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                ParseTableElements(create);
            }

            if (Accept("inherits"))
            {
                Expect(SqlTokenKind.LeftParen);
                do
                {
                    create.Inherits.Add(ParseNamedTable().Name);
                }
                while (Accept(SqlTokenKind.Comma));

                Expect(SqlTokenKind.RightParen);
            }

            // PARTITION BY, USING, WITH (…), ON COMMIT, TABLESPACE, AS query: nothing the schema needs.
            _position = _end;
            return create;
        }

        private void ParseTableElements(CreateTableStatement create)
        {
            Expect(SqlTokenKind.LeftParen);
            if (Accept(SqlTokenKind.RightParen))
            {
                return;
            }

            while (true)
            {
                var token = Current;
                if (!token.IsIdentifierLike)
                {
                    throw Error("Expected a column definition");
                }

                var isConstraint = token.Kind == SqlTokenKind.Identifier &&
                    (token.Is("constraint") || token.Is("primary") || token.Is("unique") || token.Is("foreign") ||
                     token.Is("check") || token.Is("exclude") || token.Is("like"));
                if (!isConstraint)
                {
                    create.Columns.Add(token.Value);
                }

                SkipToElementEnd();
                if (Accept(SqlTokenKind.Comma))
                {
                    continue;
                }

                Expect(SqlTokenKind.RightParen);
                return;
            }
        }

        /// <summary>Skips to the ',' or ')' that ends the current list element.</summary>
        private void SkipToElementEnd() => SkipBalancedUntilComma(stopAtClosingParen: true);

        /// <summary>Skips the rest of one ALTER TABLE action, up to the ',' before the next.</summary>
        private void SkipToActionEnd() => SkipBalancedUntilComma(stopAtClosingParen: false);

        private void SkipBalancedUntilComma(bool stopAtClosingParen)
        {
            var depth = 0;
            while (!AtEnd)
            {
                var kind = Current.Kind;
                if (depth == 0 && (kind == SqlTokenKind.Comma || (stopAtClosingParen && kind == SqlTokenKind.RightParen)))
                {
                    return;
                }

                if (kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.RightParen)
                {
                    depth--;
                }

                Advance();
            }
        }

        private void AcceptIfExists()
        {
            if (Current.Is("if") && PeekToken(1).Is("exists"))
            {
                _position += 2;
            }
        }

        private SqlStatement ParseAlterTable()
        {
            Expect("alter");
            Expect("table");
            AcceptIfExists();

            Accept("only");
            var alter = new AlterTableStatement(ParseNamedTable().Name);
            Accept(SqlTokenKind.Operator);
            do
            {
                alter.Actions.Add(ParseAlterAction());
                SkipToActionEnd();
            }
            while (Accept(SqlTokenKind.Comma));

            return alter;
        }

        private AlterTableAction ParseAlterAction()
        {
            if (Accept("add"))
            {
                if (Current.Is("constraint") || Current.Is("primary") || Current.Is("unique") || Current.Is("foreign") ||
                    Current.Is("check") || Current.Is("exclude"))
                {
                    return Other();
                }

                Accept("column");
                SkipIfExistsClause(withNot: true);
                return new AlterTableAction(AlterTableActionKind.AddColumn, ExpectIdentifier(), null, null);
            }

            if (Accept("drop"))
            {
                if (Current.Is("constraint") || Current.Is("not") || Current.Is("default") || Current.Is("expression") ||
                    Current.Is("identity"))
                {
                    return Other();
                }

                Accept("column");
                SkipIfExistsClause(withNot: false);
                return new AlterTableAction(AlterTableActionKind.DropColumn, ExpectIdentifier(), null, null);
            }

            if (Accept("rename"))
            {
                if (Accept("to"))
                {
                    return new AlterTableAction(AlterTableActionKind.RenameTable, ExpectIdentifier(), null, null);
                }

                if (Current.Is("constraint"))
                {
                    return Other();
                }

                Accept("column");
                var from = ExpectIdentifier();
                Expect("to");
                return new AlterTableAction(AlterTableActionKind.RenameColumn, from, ExpectIdentifier(), null);
            }

            if (AcceptSequence("set", "schema"))
            {
                return new AlterTableAction(AlterTableActionKind.SetSchema, ExpectIdentifier(), null, null);
            }

            if (AcceptSequence("attach", "partition"))
            {
                return new AlterTableAction(AlterTableActionKind.AttachPartition, null, null, ParseNamedTable().Name);
            }

            if (AcceptSequence("detach", "partition"))
            {
                return new AlterTableAction(AlterTableActionKind.DetachPartition, null, null, ParseNamedTable().Name);
            }

            return Other();
        }

        private static AlterTableAction Other() => new AlterTableAction(AlterTableActionKind.Other, null, null, null);

        private void SkipIfExistsClause(bool withNot)
        {
            if (!Current.Is("if"))
            {
                return;
            }

            Advance();
            if (withNot)
            {
                Expect("not");
            }

            Expect("exists");
        }

        private SqlStatement ParseDropTable()
        {
            Expect("drop");
            Expect("table");
            AcceptIfExists();

            var drop = new DropTableStatement();
            do
            {
                drop.Names.Add(ParseNamedTable().Name);
            }
            while (Accept(SqlTokenKind.Comma));

            if (!Accept("cascade"))
            {
                Accept("restrict");
            }

            return drop;
        }
    }
}
