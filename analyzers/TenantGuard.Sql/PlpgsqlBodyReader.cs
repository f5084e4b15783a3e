using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql
{
    /// <summary>
    /// PL/pgSQL bodies whose whole logic is one RETURN: <c>[&lt;&lt;label&gt;&gt;] [DECLARE …] BEGIN RETURN expr; END [label] [;]</c>.
    /// Anything else (IF, assignments, RETURN QUERY, EXCEPTION) is unreadable: the value then depends on control flow
    /// this reader does not follow.
    /// </summary>
    internal static class PlpgsqlBodyReader
    {
        public static SqlFunctionBody Read(string body, List<SqlToken> tokens)
        {
            var end = tokens.Count - 1;
            var i = SkipLabel(tokens, 0);
            if (i < end && tokens[i].Is("declare"))
            {
                while (i < end && !tokens[i].Is("begin"))
                {
                    i++;
                }
            }

            if (i >= end || !tokens[i].Is("begin"))
            {
                return SqlFunctionBody.Unreadable(body, "The PL/pgSQL body has no BEGIN.");
            }

            i++;
            if (i + 1 >= end || !tokens[i].Is("return") || tokens[i + 1].Is("query") || tokens[i + 1].Is("next"))
            {
                return SqlFunctionBody.Unreadable(body, "The PL/pgSQL body does more than RETURN one expression.");
            }

            var semicolon = NextSemicolon(tokens, i, end);
            if (semicolon < 0 || !IsFinalEnd(tokens, semicolon + 1, end))
            {
                return SqlFunctionBody.Unreadable(body, "The PL/pgSQL body does more than RETURN one expression.");
            }

            return SqlFunctionBodyReader.ReadReturn(body, tokens, i, semicolon);
        }

        private static int SkipLabel(List<SqlToken> tokens, int i) =>
            tokens[i].IsOperator("<<") && i + 2 < tokens.Count && tokens[i + 2].IsOperator(">>") ? i + 3 : i;

        private static int NextSemicolon(List<SqlToken> tokens, int i, int end)
        {
            var depth = 0;
            for (; i < end; i++)
            {
                var kind = tokens[i].Kind;
                depth += kind == SqlTokenKind.LeftParen ? 1 : kind == SqlTokenKind.RightParen ? -1 : 0;
                if (kind == SqlTokenKind.Semicolon && depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>END [label] [;] and nothing after.</summary>
        private static bool IsFinalEnd(List<SqlToken> tokens, int i, int end)
        {
            if (i >= end || !tokens[i].Is("end"))
            {
                return false;
            }

            i++;
            if (i < end && tokens[i].IsIdentifierLike)
            {
                i++;
            }

            return SqlFunctionBodyReader.TrimSemicolons(tokens, i, end) == i;
        }
    }
}
