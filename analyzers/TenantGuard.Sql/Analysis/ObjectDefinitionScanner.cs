using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// Reads the head of each statement: CREATE [OR REPLACE] [TEMP|UNLOGGED] TABLE|VIEW|MATERIALIZED VIEW|FUNCTION|
    /// PROCEDURE|POLICY|ROLE|USER|GROUP [IF NOT EXISTS] name, and GRANT privileges ON [TABLE] names.
    /// </summary>
    internal static class ObjectDefinitionScanner
    {
        /// <summary>The words after GRANT … ON that name something other than a list of tables.</summary>
        private static readonly HashSet<string> NonTableObjects = new HashSet<string>
        {
            "all", "sequence", "function", "procedure", "routine", "schema", "database", "type", "domain", "language",
            "tablespace", "foreign", "large", "parameter",
        };

        public static List<MigrationObject> Scan(string text)
        {
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, new List<SqlProblem>());
            var objects = new List<MigrationObject>();
            foreach (var (start, end) in StatementSplitter.Split(tokens))
            {
                if (tokens[start].Is("create"))
                {
                    ReadCreate(tokens, start + 1, end, tokens[start].Line, objects);
                }
                else if (tokens[start].Is("grant"))
                {
                    ReadGrant(tokens, start + 1, end, tokens[start].Line, objects);
                }
            }

            return objects;
        }

        private static void ReadCreate(List<SqlToken> tokens, int i, int end, int line, List<MigrationObject> objects)
        {
            if (Is(tokens, i, end, "or") && Is(tokens, i + 1, end, "replace"))
            {
                i += 2;
            }

            while (Is(tokens, i, end, "temp") || Is(tokens, i, end, "temporary") || Is(tokens, i, end, "unlogged") ||
                   Is(tokens, i, end, "recursive") || Is(tokens, i, end, "trusted"))
            {
                i++;
            }

            string kind;
            if (Is(tokens, i, end, "materialized") && Is(tokens, i + 1, end, "view"))
            {
                kind = "materialized view";
                i += 2;
            }
            else if (i < end && tokens[i].Kind == SqlTokenKind.Identifier && KindOf(tokens[i].Value) is { } single &&
                     !(single == "role" && tokens[i].Is("user") && Is(tokens, i + 1, end, "mapping")))
            {
                kind = single;
                i++;
            }
            else
            {
                return;
            }

            if (Is(tokens, i, end, "if") && Is(tokens, i + 1, end, "not") && Is(tokens, i + 2, end, "exists"))
            {
                i += 3;
            }

            if (ReadName(tokens, ref i, end) is not { } name)
            {
                return;
            }

            if (kind == "policy" && Is(tokens, i, end, "on"))
            {
                i++;
                // A policy is known by its table: "policy_name on schema.table".
                if (ReadName(tokens, ref i, end) is { } table)
                {
                    name = new QualifiedName(table.ToString(), name.Name);
                }
            }

            objects.Add(new MigrationObject(kind, name, line, System.Array.Empty<string>()));
        }

        private static void ReadGrant(List<SqlToken> tokens, int i, int end, int line, List<MigrationObject> objects)
        {
            var privileges = new List<string>();
            var depth = 0;
            for (; i < end && !(depth == 0 && tokens[i].Is("on")); i++)
            {
                if (tokens[i].Kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (tokens[i].Kind == SqlTokenKind.RightParen)
                {
                    depth--;
                }
                else if (depth == 0 && tokens[i].Kind == SqlTokenKind.Identifier && !tokens[i].Is("privileges"))
                {
                    privileges.Add(tokens[i].Value);
                }
            }

            if (!Is(tokens, i, end, "on"))
            {
                return; // GRANT role TO role
            }

            i++;
            if (Is(tokens, i, end, "all") && Is(tokens, i + 1, end, "tables") && Is(tokens, i + 2, end, "in") && Is(tokens, i + 3, end, "schema"))
            {
                // Every table of the schema: named "schema.*".
                for (i += 4; i < end && tokens[i].IsIdentifierLike; i += 2)
                {
                    objects.Add(new MigrationObject("grant", new QualifiedName(tokens[i].Value, "*"), line, privileges));
                    if (i + 1 >= end || tokens[i + 1].Kind != SqlTokenKind.Comma)
                    {
                        break;
                    }
                }

                return;
            }

            if (Is(tokens, i, end, "table"))
            {
                i++;
            }
            else if (i + 1 < end && tokens[i].Kind == SqlTokenKind.Identifier && NonTableObjects.Contains(tokens[i].Value) &&
                     tokens[i + 1].Kind == SqlTokenKind.Identifier)
            {
                return; // ON SEQUENCE s, ON FUNCTION f, ON ALL TABLES IN SCHEMA …: not located per table
            }

            while (i < end)
            {
                if (ReadName(tokens, ref i, end) is { } table)
                {
                    objects.Add(new MigrationObject("grant", table, line, privileges));
                }

                if (i < end && tokens[i].Kind == SqlTokenKind.Comma)
                {
                    i++;
                    continue;
                }

                return;
            }
        }

        private static string? KindOf(string word)
        {
            switch (word)
            {
                case "table":
                case "view":
                case "function":
                case "procedure":
                case "policy":
                    return word;
                case "role":
                case "user":
                case "group":
                    return "role";
                default:
                    return null;
            }
        }

        /// <summary>name or schema.name (quoted parts kept verbatim, unquoted folded); advances past it.</summary>
        private static QualifiedName? ReadName(List<SqlToken> tokens, ref int i, int end)
        {
            if (i >= end || !tokens[i].IsIdentifierLike)
            {
                return null;
            }

            var first = tokens[i].Value;
            i++;
            if (i + 1 < end && tokens[i].Kind == SqlTokenKind.Dot && tokens[i + 1].IsIdentifierLike)
            {
                var second = tokens[i + 1].Value;
                i += 2;
                return new QualifiedName(first, second);
            }

            return new QualifiedName(null, first);
        }

        private static bool Is(List<SqlToken> tokens, int index, int end, string word) =>
            index < end && (tokens[index].Is(word) || (word == "," && tokens[index].Kind == SqlTokenKind.Comma));
    }
}
