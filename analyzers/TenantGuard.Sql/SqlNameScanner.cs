using System;
using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql
{
    /// <summary>
    /// The names a piece of SQL mentions, as PostgreSQL reads them (unquoted folded to lower case, quoted verbatim), in
    /// code only: comments and ordinary strings never count; the strings that hold SQL do, read recursively: dollar-quoted
    /// bodies, a body given as AS '…', and the text of EXECUTE '…' or EXECUTE format('…', …). For "does this function body touch table t / call f" questions,
    /// where catalogs do not record dependencies. Never throws.
    /// </summary>
    public static class SqlNameScanner
    {
        private const int MaxNesting = 4;

        public static ISet<string> NamesIn(string sqlText)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                Collect(sqlText ?? string.Empty, names, 0);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // Whatever was read before the failure stays; an unreadable text names nothing more.
            }

            return names;
        }

        private static void Collect(string text, HashSet<string> names, int depth)
        {
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, new List<SqlProblem>());
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.IsIdentifierLike)
                {
                    names.Add(token.Value);
                }
                else if (token.IsStringLiteral && depth < MaxNesting && token.Value.Length > 0 && HoldsSql(tokens, i))
                {
                    Collect(token.Value, names, depth + 1);
                }
            }
        }

        private static bool HoldsSql(List<SqlToken> tokens, int index)
        {
            if (tokens[index].Kind == SqlTokenKind.DollarString)
            {
                return true;
            }

            var previous = index > 0 ? tokens[index - 1] : default;
            return previous.Is("as") || previous.Is("execute") ||
                   (previous.Kind == SqlTokenKind.LeftParen && index > 1 && tokens[index - 2].Is("format") &&
                    index > 2 && tokens[index - 3].Is("execute"));
        }
    }
}
