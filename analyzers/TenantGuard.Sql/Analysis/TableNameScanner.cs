using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// For statements the parser does not model or could not read: the names that follow FROM, JOIN, INTO, UPDATE,
    /// USING, TABLE, TRUNCATE or MERGE INTO, so that "this SQL names a tenant table" still holds for them.
    /// </summary>
    internal static class TableNameScanner
    {
        public static List<QualifiedName> Scan(List<SqlToken> tokens, int start, int end)
        {
            var names = new List<QualifiedName>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Start < start)
                {
                    continue;
                }

                if (token.Start >= end)
                {
                    break;
                }

                if (!IsTableKeyword(token))
                {
                    continue;
                }

                var next = i + 1;
                while (next < tokens.Count && (tokens[next].Is("only") || tokens[next].Is("table") || tokens[next].Is("into")))
                {
                    next++;
                }

                if (next < tokens.Count && tokens[next].Kind == SqlTokenKind.QuotedIdentifier ||
                    next < tokens.Count && tokens[next].Kind == SqlTokenKind.Identifier && !IsTableKeyword(tokens[next]))
                {
                    if (next + 2 < tokens.Count && tokens[next + 1].Kind == SqlTokenKind.Dot && tokens[next + 2].IsIdentifierLike)
                    {
                        names.Add(new QualifiedName(tokens[next].Value, tokens[next + 2].Value));
                    }
                    else if (next + 1 >= tokens.Count || tokens[next + 1].Kind != SqlTokenKind.LeftParen || tokens[i].Is("into"))
                    {
                        names.Add(new QualifiedName(null, tokens[next].Value));
                    }
                }
            }

            return names;
        }

        private static bool IsTableKeyword(SqlToken token) =>
            token.Is("from") || token.Is("join") || token.Is("into") || token.Is("update") || token.Is("using") ||
            token.Is("table") || token.Is("truncate") || token.Is("merge");
    }
}
