using System;
using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Reads a function body (<c>pg_proc.prosrc</c>, or the body of a <c>pg_get_functiondef</c> text) into the
    /// expression it returns. SQL bodies: the last statement's single select-list expression, <c>RETURN expr</c>, or
    /// <c>BEGIN ATOMIC … END</c>. PL/pgSQL bodies: <c>[DECLARE …] BEGIN RETURN expr; END</c> and nothing more; any
    /// other logic is reported unreadable rather than guessed.
    /// </summary>
    public static class SqlFunctionBodyReader
    {
        /// <summary>Reads <paramref name="body"/> written in <paramref name="language"/> (pg_language.lanname). Never throws.</summary>
        public static SqlFunctionBody Read(string body, string language)
        {
            body = body ?? string.Empty;
            try
            {
                var problems = new List<SqlProblem>();
                var tokens = SqlLexer.Tokenize(body, interpolationHoles: false, problems);
                if (problems.Count > 0)
                {
                    return SqlFunctionBody.Unreadable(body, problems[0].Message);
                }

                switch ((language ?? string.Empty).Trim().ToLowerInvariant())
                {
                    case "sql":
                        return ReadSql(body, tokens);
                    case "plpgsql":
                        return PlpgsqlBodyReader.Read(body, tokens);
                    default:
                        return SqlFunctionBody.Unreadable(body, "Functions in LANGUAGE " + language + " are not read.");
                }
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return SqlFunctionBody.Unreadable(body, "The body could not be read.");
            }
        }

        private static SqlFunctionBody ReadSql(string body, List<SqlToken> tokens)
        {
            var end = tokens.Count - 1;
            if (tokens[0].Is("begin") && tokens.Count > 1 && tokens[1].Is("atomic"))
            {
                var close = LastEnd(tokens);
                if (close < 2)
                {
                    return SqlFunctionBody.Unreadable(body, "BEGIN ATOMIC without END.");
                }

                var last = LastStatement(tokens, 2, close);
                return last.Start < 0
                    ? SqlFunctionBody.Unreadable(body, "An empty BEGIN ATOMIC body.")
                    : ReadSqlStatement(body, tokens, last.Start, last.End);
            }

            if (tokens[0].Is("return"))
            {
                return ReadReturn(body, tokens, 0, TrimSemicolons(tokens, 0, end));
            }

            var ranges = StatementSplitter.Split(tokens);
            if (ranges.Count == 0)
            {
                return SqlFunctionBody.Unreadable(body, "An empty body.");
            }

            var (start, stop) = ranges[ranges.Count - 1];
            return ReadSqlStatement(body, tokens, start, stop);
        }

        private static SqlFunctionBody ReadSqlStatement(string body, List<SqlToken> tokens, int start, int end)
        {
            if (tokens[start].Is("return"))
            {
                return ReadReturn(body, tokens, start, end);
            }

            var statement = SqlParser.ParseStatement(tokens, start, end);
            if (statement is UnparsedStatement unparsed)
            {
                return SqlFunctionBody.Unreadable(body, unparsed.Message);
            }

            if (statement is SelectStatement select && select.Query is SelectQuery query && query.SelectList.Count == 1 && query.With == null)
            {
                return SqlFunctionBody.Returning(body, query.SelectList[0], query);
            }

            return SqlFunctionBody.Unreadable(body, "The last statement is not a SELECT of one expression.");
        }

        /// <summary>RETURN expr over tokens [start, end), start being the RETURN keyword.</summary>
        internal static SqlFunctionBody ReadReturn(string body, List<SqlToken> tokens, int start, int end)
        {
            var expression = SqlParser.ParseExpression(tokens, start + 1, end, out var error);
            return expression == null
                ? SqlFunctionBody.Unreadable(body, error ?? "RETURN without an expression.")
                : SqlFunctionBody.Returning(body, expression, null);
        }

        /// <summary>The last non-empty statement in tokens [start, end), split on semicolons outside parentheses.</summary>
        private static (int Start, int End) LastStatement(List<SqlToken> tokens, int start, int end)
        {
            var last = (Start: -1, End: -1);
            var depth = 0;
            var statementStart = start;
            for (var i = start; i <= end; i++)
            {
                var kind = i < end ? tokens[i].Kind : SqlTokenKind.Semicolon;
                depth += kind == SqlTokenKind.LeftParen ? 1 : kind == SqlTokenKind.RightParen ? -1 : 0;
                if (kind == SqlTokenKind.Semicolon && depth <= 0)
                {
                    if (i > statementStart)
                    {
                        last = (statementStart, i);
                    }

                    statementStart = i + 1;
                }
            }

            return last;
        }

        /// <summary>Index of the END that closes a BEGIN ATOMIC body (the last token before trailing semicolons).</summary>
        private static int LastEnd(List<SqlToken> tokens)
        {
            var i = TrimSemicolons(tokens, 0, tokens.Count - 1) - 1;
            return i >= 0 && tokens[i].Is("end") ? i : -1;
        }

        internal static int TrimSemicolons(List<SqlToken> tokens, int start, int end)
        {
            while (end > start && tokens[end - 1].Kind == SqlTokenKind.Semicolon)
            {
                end--;
            }

            return end;
        }
    }
}
