using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// The SQL statements inside an anonymous code block, as <c>dotnet ef migrations script --idempotent</c> writes
    /// them: <c>DO $EF$ BEGIN IF NOT EXISTS(…) THEN &lt;statements&gt; END IF; END $EF$;</c>. Also a plain
    /// <c>DO $$ BEGIN &lt;statements&gt; END $$</c>. The guard condition is not evaluated: a migration script's
    /// statements are meant to run once, and they are read as if they did.
    /// </summary>
    internal static class DoBlockBody
    {
        /// <summary>The statements of the DO block <paramref name="statementText"/>, or null when it is not one this reads.</summary>
        public static string? StatementsOf(string statementText)
        {
            var problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(statementText, interpolationHoles: false, problems);
            if (problems.Count > 0 || tokens.Count < 2 || !tokens[0].Is("do"))
            {
                return null;
            }

            foreach (var token in tokens)
            {
                if (token.IsStringLiteral)
                {
                    return Inner(token.Value);
                }
            }

            return null;
        }

        /// <summary>The text between BEGIN and the final END, less an IF … THEN … END IF around all of it.</summary>
        private static string? Inner(string body)
        {
            var problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(body, interpolationHoles: false, problems);
            var last = LastWordIndex(tokens, tokens.Count - 1);
            if (problems.Count > 0 || tokens.Count < 3 || !tokens[0].Is("begin") || last < 0 || !tokens[last].Is("end"))
            {
                return null;
            }

            var start = tokens[0].End;
            var end = tokens[last].Start;
            if (tokens[1].Is("if"))
            {
                var then = IndexOfWord(tokens, "then", 2, last);
                var endIf = LastWordIndex(tokens, last - 1);
                if (then < 0 || endIf < 1 || !tokens[endIf].Is("if") || !tokens[endIf - 1].Is("end"))
                {
                    return null;
                }

                start = tokens[then].End;
                end = tokens[endIf - 1].Start;
            }

            return end > start ? body.Substring(start, end - start) : string.Empty;
        }

        /// <summary>The last token at or before <paramref name="from"/> that is a word (semicolons and the end skipped).</summary>
        private static int LastWordIndex(List<SqlToken> tokens, int from)
        {
            for (var i = from; i >= 0; i--)
            {
                if (tokens[i].Kind == SqlTokenKind.Identifier)
                {
                    return i;
                }

                if (tokens[i].Kind != SqlTokenKind.Semicolon && tokens[i].Kind != SqlTokenKind.EndOfInput)
                {
                    return -1;
                }
            }

            return -1;
        }

        private static int IndexOfWord(List<SqlToken> tokens, string word, int from, int before)
        {
            for (var i = from; i < before; i++)
            {
                if (tokens[i].Is(word))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
