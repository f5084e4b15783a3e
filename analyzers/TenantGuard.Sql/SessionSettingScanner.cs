using System;
using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Finds where a function body (SQL or PL/pgSQL) sets a custom setting for the rest of the session:
    /// <c>set_config('app.x', …, false)</c> (also through PERFORM or an assignment) and <c>SET app.x …</c> /
    /// <c>SET SESSION app.x …</c>, and the same inside <c>EXECUTE '…'</c>. <c>SET LOCAL</c> and <c>set_config(…, true)</c>
    /// end with the transaction and are not reported. Never throws.
    /// </summary>
    public static class SessionSettingScanner
    {
        private const int MaxNesting = 3;

        public static IReadOnlyList<SessionSettingWrite> InFunctionBody(string body)
        {
            var writes = new List<SessionSettingWrite>();
            try
            {
                Scan(body ?? string.Empty, writes, 0);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // What was found before the failure stands.
            }

            return writes;
        }

        private static void Scan(string text, List<SessionSettingWrite> writes, int depth)
        {
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, new List<SqlProblem>());
            foreach (var (start, end) in StatementSplitter.Split(tokens))
            {
                for (var i = start; i < end; i++)
                {
                    var token = tokens[i];
                    if (token.Is("set_config") && i + 1 < end && tokens[i + 1].Kind == SqlTokenKind.LeftParen)
                    {
                        SetConfig(text, tokens, i, end, writes);
                    }
                    else if (token.Is("set") && IsStatementStart(tokens, start, i))
                    {
                        Set(text, tokens, i, end, writes);
                    }
                    else if (token.Is("execute") && i + 1 < end && tokens[i + 1].IsStringLiteral && depth < MaxNesting)
                    {
                        Scan(tokens[i + 1].Value, writes, depth + 1);
                    }
                }
            }
        }

        /// <summary>SET starts the statement, or follows a PL/pgSQL keyword that starts one (THEN, ELSE, BEGIN, LOOP).</summary>
        private static bool IsStatementStart(List<SqlToken> tokens, int start, int index) =>
            index == start || tokens[index - 1].Is("then") || tokens[index - 1].Is("else") || tokens[index - 1].Is("begin") ||
            tokens[index - 1].Is("loop");

        /// <summary>set_config(name, value, is_local) with a literal name and a literal false (or 'false', 'f', 'off').</summary>
        private static void SetConfig(string text, List<SqlToken> tokens, int call, int end, List<SessionSettingWrite> writes)
        {
            var arguments = new List<(int Start, int End)>();
            var depth = 0;
            var argumentStart = call + 2;
            for (var i = call + 1; i < end; i++)
            {
                var kind = tokens[i].Kind;
                if (kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.RightParen && --depth == 0)
                {
                    arguments.Add((argumentStart, i));
                    if (arguments.Count == 3 && IsLiteralName(tokens, arguments[0]) && IsFalse(tokens, arguments[2]))
                    {
                        writes.Add(new SessionSettingWrite(tokens[arguments[0].Start].Value, text.Substring(tokens[call].Start, tokens[i].End - tokens[call].Start)));
                    }

                    return;
                }
                else if (kind == SqlTokenKind.Comma && depth == 1)
                {
                    arguments.Add((argumentStart, i));
                    argumentStart = i + 1;
                }
            }
        }

        /// <summary>SET [SESSION] app.x = … / TO …; not SET LOCAL, not built-in (undotted) settings.</summary>
        private static void Set(string text, List<SqlToken> tokens, int set, int end, List<SessionSettingWrite> writes)
        {
            var i = set + 1;
            if (i < end && tokens[i].Is("local"))
            {
                return;
            }

            if (i < end && tokens[i].Is("session") && !(i + 1 < end && tokens[i + 1].Is("authorization")))
            {
                i++;
            }

            if (i + 2 < end && tokens[i].IsIdentifierLike && tokens[i + 1].Kind == SqlTokenKind.Dot && tokens[i + 2].IsIdentifierLike)
            {
                var name = tokens[i].Value + "." + tokens[i + 2].Value;
                var last = tokens[end - 1];
                writes.Add(new SessionSettingWrite(name, text.Substring(tokens[set].Start, last.End - tokens[set].Start)));
            }
        }

        private static bool IsLiteralName(List<SqlToken> tokens, (int Start, int End) argument) =>
            argument.End > argument.Start && tokens[argument.Start].IsStringLiteral && tokens[argument.Start].Value.IndexOf('.') > 0;

        private static bool IsFalse(List<SqlToken> tokens, (int Start, int End) argument)
        {
            if (argument.End - argument.Start < 1)
            {
                return false;
            }

            var token = tokens[argument.Start];
            return token.Is("false") ||
                   (token.IsStringLiteral && (token.Value == "false" || token.Value == "f" || token.Value == "off" || token.Value == "0"));
        }
    }
}
