using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Entry points for text that is not a statement: one expression on its own.</summary>
    internal sealed partial class SqlParser
    {
        /// <summary>Parses tokens [start, end) as exactly one expression; null with a message otherwise. Never throws.</summary>
        public static SqlExpression? ParseExpression(List<SqlToken> tokens, int start, int end, out string? error)
        {
            error = null;
            if (start >= end)
            {
                error = "No expression.";
                return null;
            }

            var parser = new SqlParser(tokens, start, end);
            try
            {
                var expression = parser.ParseExpression();
                if (!parser.AtEnd)
                {
                    throw parser.Unexpected();
                }

                return expression;
            }
            catch (SqlParseException exception)
            {
                error = exception.Message;
                return null;
            }
        }
    }
}
