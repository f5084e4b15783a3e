using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>A whole SQL text read into statements, with the lexer's problems.</summary>
    internal sealed class SqlDocument
    {
        private SqlDocument(string text, List<SqlToken> tokens, List<SqlStatement> statements, List<SqlProblem> problems)
        {
            Text = text;
            Tokens = tokens;
            Statements = statements;
            Problems = problems;
        }

        public string Text { get; }

        public List<SqlToken> Tokens { get; }

        public List<SqlStatement> Statements { get; }

        public List<SqlProblem> Problems { get; }

        public static SqlDocument Parse(string text, bool interpolationHoles)
        {
            var problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(text, interpolationHoles, problems);
            var ranges = StatementSplitter.Split(tokens);
            var statements = new List<SqlStatement>(ranges.Count);
            foreach (var (start, end) in ranges)
            {
                statements.Add(SqlParser.ParseStatement(tokens, start, end));
            }

            return new SqlDocument(text, tokens, statements, problems);
        }
    }
}
