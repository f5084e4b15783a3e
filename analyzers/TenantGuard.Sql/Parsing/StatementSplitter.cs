using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>
    /// Splits a token stream on top-level semicolons: not inside parentheses, and not inside a BEGIN ATOMIC … END
    /// function body. Strings, comments and dollar quotes are already single tokens (or gone) by now. A psql
    /// meta-command line ends a statement too and belongs to none.
    /// </summary>
    internal static class StatementSplitter
    {
        /// <summary>Token index ranges [start, end) of each non-empty statement.</summary>
        public static List<(int Start, int End)> Split(List<SqlToken> tokens)
        {
            var ranges = new List<(int Start, int End)>();
            int start = 0, parenDepth = 0, atomicDepth = 0, caseDepth = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case SqlTokenKind.LeftParen:
                        parenDepth++;
                        continue;
                    case SqlTokenKind.RightParen:
                        if (parenDepth > 0)
                        {
                            parenDepth--;
                        }

                        continue;
                    case SqlTokenKind.Identifier:
                        TrackAtomicBody(tokens, i, ref atomicDepth, ref caseDepth);
                        continue;
                    case SqlTokenKind.Semicolon when parenDepth == 0 && atomicDepth == 0:
                    case SqlTokenKind.MetaCommand:
                    case SqlTokenKind.EndOfInput:
                        if (i > start)
                        {
                            ranges.Add((start, i));
                        }

                        start = i + 1;
                        parenDepth = 0;
                        continue;
                }
            }

            return ranges;
        }

        private static void TrackAtomicBody(List<SqlToken> tokens, int i, ref int atomicDepth, ref int caseDepth)
        {
            var token = tokens[i];
            if (token.Is("begin") && i + 1 < tokens.Count && tokens[i + 1].Is("atomic"))
            {
                atomicDepth++;
            }
            else if (atomicDepth > 0 && token.Is("case"))
            {
                caseDepth++;
            }
            else if (atomicDepth > 0 && token.Is("end"))
            {
                if (caseDepth > 0)
                {
                    caseDepth--;
                }
                else
                {
                    atomicDepth--;
                }
            }
        }
    }
}
