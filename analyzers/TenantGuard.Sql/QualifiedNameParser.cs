using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql
{
    /// <summary>Reads a name written the SQL way ("public.orders", "\"Orders\"") with the real lexer.</summary>
    internal static class QualifiedNameParser
    {
        public static QualifiedName Parse(string text)
        {
            var parts = ReadParts(text ?? string.Empty);
            if (parts == null || parts.Count == 0)
            {
                return new QualifiedName(null, (text ?? string.Empty).Trim());
            }

            return parts.Count == 1
                ? new QualifiedName(null, parts[0])
                : new QualifiedName(parts[parts.Count - 2], parts[parts.Count - 1]);
        }

        /// <summary>One identifier: quoted kept verbatim, unquoted folded to lower case.</summary>
        public static string FoldIdentifier(string text)
        {
            var parts = ReadParts(text ?? string.Empty);
            return parts != null && parts.Count == 1 ? parts[0] : (text ?? string.Empty).Trim().ToLowerInvariant();
        }

        /// <summary>Identifier parts separated by dots, or null when the text is anything else.</summary>
        private static List<string>? ReadParts(string text)
        {
            var problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, problems);
            if (problems.Count > 0)
            {
                return null;
            }

            var parts = new List<string>(2);
            for (var i = 0; i < tokens.Count - 1; i++)
            {
                var expectName = i % 2 == 0;
                var token = tokens[i];
                if (expectName && token.IsIdentifierLike)
                {
                    parts.Add(token.Value);
                }
                else if (expectName || token.Kind != SqlTokenKind.Dot)
                {
                    return null;
                }
            }

            return tokens.Count % 2 == 0 ? parts : null;
        }
    }
}
