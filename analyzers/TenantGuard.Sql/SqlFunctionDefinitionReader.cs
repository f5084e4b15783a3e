using System;
using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Reads a <c>CREATE [OR REPLACE] FUNCTION</c> text, as <c>pg_get_functiondef</c> prints it: name, parameters,
    /// language, and what the body returns (<c>AS $function$…$function$</c>, <c>RETURN expr</c> or
    /// <c>BEGIN ATOMIC … END</c>).
    /// </summary>
    public static class SqlFunctionDefinitionReader
    {
        private static readonly HashSet<string> ParameterModes = new HashSet<string>(StringComparer.Ordinal) { "in", "out", "inout", "variadic" };

        // Unquoted words that begin a type name: "double precision" is an unnamed parameter, not one named double.
        private static readonly HashSet<string> TypeStarts = new HashSet<string>(StringComparer.Ordinal)
        {
            "bigint", "bit", "boolean", "char", "character", "dec", "decimal", "double", "float", "int", "integer",
            "interval", "national", "nchar", "numeric", "real", "smallint", "time", "timestamp", "varchar",
        };

        /// <summary>Reads <paramref name="definition"/>; null when it is not a CREATE FUNCTION / PROCEDURE text. Never throws.</summary>
        public static SqlFunctionDefinition? Read(string definition)
        {
            definition = definition ?? string.Empty;
            try
            {
                var problems = new List<SqlProblem>();
                var tokens = SqlLexer.Tokenize(definition, interpolationHoles: false, problems);
                return problems.Count > 0 ? null : ReadTokens(definition, tokens);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return null;
            }
        }

        private static SqlFunctionDefinition? ReadTokens(string text, List<SqlToken> tokens)
        {
            // Shortest definition: CREATE FUNCTION f ( ) and the end of input.
            if (tokens.Count < 6)
            {
                return null;
            }

            var i = 0;
            if (!tokens[i++].Is("create"))
            {
                return null;
            }

            if (tokens[i].Is("or") && tokens[i + 1].Is("replace"))
            {
                i += 2;
            }

            if (!tokens[i].Is("function") && !tokens[i].Is("procedure"))
            {
                return null;
            }

            i++;
            var nameParts = new List<string>();
            while (i < tokens.Count - 1 && tokens[i].IsIdentifierLike)
            {
                nameParts.Add(tokens[i++].Value);
                if (tokens[i].Kind != SqlTokenKind.Dot)
                {
                    break;
                }

                i++;
            }

            if (nameParts.Count == 0 || tokens[i].Kind != SqlTokenKind.LeftParen)
            {
                return null;
            }

            var parameters = ReadParameters(tokens, ref i);
            if (parameters == null)
            {
                return null;
            }

            var (language, body) = ReadOptions(text, tokens, i);
            var schema = nameParts.Count > 1 ? nameParts[nameParts.Count - 2] : null;
            return new SqlFunctionDefinition(schema, nameParts[nameParts.Count - 1], parameters, language,
                body ?? SqlFunctionBody.Unreadable(string.Empty, "The definition has no body."));
        }

        /// <summary>( [mode] [name] type [DEFAULT expr], … ); leaves <paramref name="i"/> after the closing parenthesis.</summary>
        private static List<SqlFunctionParameter>? ReadParameters(List<SqlToken> tokens, ref int i)
        {
            var parameters = new List<SqlFunctionParameter>();
            var current = new List<SqlToken>();
            var depth = 0;
            for (i++; i < tokens.Count - 1; i++)
            {
                var token = tokens[i];
                if (depth == 0 && (token.Kind == SqlTokenKind.Comma || token.Kind == SqlTokenKind.RightParen))
                {
                    if (current.Count > 0)
                    {
                        parameters.Add(ReadParameter(current));
                    }

                    current.Clear();
                    if (token.Kind == SqlTokenKind.RightParen)
                    {
                        i++;
                        return parameters;
                    }

                    continue;
                }

                depth += token.Kind == SqlTokenKind.LeftParen ? 1 : token.Kind == SqlTokenKind.RightParen ? -1 : 0;
                current.Add(token);
            }

            return null;
        }

        private static SqlFunctionParameter ReadParameter(List<SqlToken> tokens)
        {
            var mode = "in";
            var start = 0;
            if (tokens[0].Kind == SqlTokenKind.Identifier && ParameterModes.Contains(tokens[0].Value) && tokens.Count > 1)
            {
                mode = tokens[0].Value;
                start = 1;
            }

            var end = tokens.Count;
            for (var j = start; j < tokens.Count; j++)
            {
                if (tokens[j].Is("default") || tokens[j].IsOperator("="))
                {
                    end = j;
                    break;
                }
            }

            var first = tokens[start];
            var named = end - start >= 2 && first.IsIdentifierLike &&
                        !(first.Kind == SqlTokenKind.Identifier && TypeStarts.Contains(first.Value)) &&
                        tokens[start + 1].Kind != SqlTokenKind.Dot && tokens[start + 1].Kind != SqlTokenKind.LeftBracket &&
                        tokens[start + 1].Kind != SqlTokenKind.LeftParen;
            return new SqlFunctionParameter(named ? first.Value : null, mode);
        }

        /// <summary>LANGUAGE and the body among the options after the parameters (RETURNS, SET, STABLE, …).</summary>
        private static (string Language, SqlFunctionBody? Body) ReadOptions(string text, List<SqlToken> tokens, int i)
        {
            var language = string.Empty;
            SqlFunctionBody? body = null;
            string? bodyText = null;
            var depth = 0;
            for (; i < tokens.Count - 1; i++)
            {
                var token = tokens[i];
                depth += token.Kind == SqlTokenKind.LeftParen ? 1 : token.Kind == SqlTokenKind.RightParen ? -1 : 0;
                if (depth != 0)
                {
                    continue;
                }

                if (token.Is("language") && (tokens[i + 1].IsIdentifierLike || tokens[i + 1].IsStringLiteral))
                {
                    language = tokens[++i].Value.ToLowerInvariant();
                }
                else if (token.Is("as") && tokens[i + 1].IsStringLiteral && bodyText == null)
                {
                    bodyText = tokens[++i].Value;
                }
                else if (token.Is("return") || (token.Is("begin") && tokens[i + 1].Is("atomic")))
                {
                    // A SQL-standard body runs to the end of the definition.
                    body = SqlFunctionBodyReader.Read(text.Substring(token.Start), "sql");
                    break;
                }
            }

            if (body == null && bodyText != null)
            {
                body = SqlFunctionBodyReader.Read(bodyText, language);
            }

            return (language, body);
        }
    }
}
