using System;
using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Reads one standalone SQL expression, such as a policy's USING or WITH CHECK as <c>pg_get_expr</c> prints it,
    /// into a read-only syntax tree.
    /// </summary>
    public static class SqlExpressionReader
    {
        /// <summary>Reads <paramref name="text"/> as exactly one expression. Never throws on any input text.</summary>
        public static SqlExpressionReadResult Read(string text)
        {
            text = text ?? string.Empty;
            try
            {
                var problems = new List<SqlProblem>();
                var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, problems);
                if (problems.Count > 0)
                {
                    return new SqlExpressionReadResult(text, null, problems[0].Message);
                }

                var expression = SqlParser.ParseExpression(tokens, 0, tokens.Count - 1, out var error);
                return new SqlExpressionReadResult(text, expression, error);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return new SqlExpressionReadResult(text, null, "The expression could not be read.");
            }
        }
    }
}
