using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;

namespace TenantGuard.Sql
{
    /// <summary>
    /// A SQL script split as psql splits it: on semicolons outside strings, quoted identifiers, dollar quotes,
    /// comments, parentheses and BEGIN ATOMIC bodies; backslash lines are psql meta-commands, kept apart. The one
    /// splitter of the repository (migrations are split with it). Never throws.
    /// </summary>
    public sealed class SqlScript
    {
        private SqlScript(IReadOnlyList<SqlScriptStatement> statements, IReadOnlyList<PsqlMetaCommand> metaCommands,
            IReadOnlyList<SqlProblem> problems)
        {
            Statements = statements;
            MetaCommands = metaCommands;
            Problems = problems;
        }

        public IReadOnlyList<SqlScriptStatement> Statements { get; }

        public IReadOnlyList<PsqlMetaCommand> MetaCommands { get; }

        /// <summary>Unterminated strings, comments or dollar quotes.</summary>
        public IReadOnlyList<SqlProblem> Problems { get; }

        public static SqlScript Read(string text)
        {
            text = text ?? string.Empty;
            var problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, problems);
            var metaCommands = new List<PsqlMetaCommand>();
            foreach (var token in tokens)
            {
                if (token.Kind == SqlTokenKind.MetaCommand)
                {
                    metaCommands.Add(new PsqlMetaCommand(token.Value, token.Start, token.Line));
                }
            }

            var statements = new List<SqlScriptStatement>();
            foreach (var (start, end) in StatementSplitter.Split(tokens))
            {
                var words = new List<SqlWord>(end - start);
                for (var i = start; i < end; i++)
                {
                    var token = tokens[i];
                    words.Add(new SqlWord(KindOf(token), token.Value, text.Substring(token.Start, token.Length), token.Start));
                }

                var first = tokens[start];
                var last = tokens[end - 1];
                statements.Add(new SqlScriptStatement(text.Substring(first.Start, last.End - first.Start), first.Start, first.Line, words));
            }

            return new SqlScript(statements, metaCommands, problems);
        }

        private static SqlWordKind KindOf(SqlToken token)
        {
            if (token.IsStringLiteral || token.Kind == SqlTokenKind.BitString || token.Kind == SqlTokenKind.HexString)
            {
                return SqlWordKind.String;
            }

            switch (token.Kind)
            {
                case SqlTokenKind.Identifier:
                    return SqlWordKind.Word;
                case SqlTokenKind.QuotedIdentifier:
                    return SqlWordKind.QuotedIdentifier;
                case SqlTokenKind.Number:
                    return SqlWordKind.Number;
                case SqlTokenKind.Operator:
                    return SqlWordKind.Operator;
                case SqlTokenKind.LeftParen:
                case SqlTokenKind.RightParen:
                case SqlTokenKind.LeftBracket:
                case SqlTokenKind.RightBracket:
                case SqlTokenKind.Comma:
                case SqlTokenKind.Semicolon:
                case SqlTokenKind.Dot:
                case SqlTokenKind.Colon:
                    return SqlWordKind.Punctuation;
                default:
                    return SqlWordKind.Other;
            }
        }
    }
}
