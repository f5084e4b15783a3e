using System;
using System.Collections.Generic;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Keyword sets the parser needs to decide where an expression, alias or clause ends.</summary>
    internal static class SqlKeywords
    {
        /// <summary>Words that end an expression: an expression never starts with (or silently swallows) them.</summary>
        public static readonly HashSet<string> ClauseBoundaries = Set(
            "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
            "intersect", "except", "returning", "on", "using", "join", "inner", "outer", "cross", "natural",
            "then", "when", "else", "end", "and", "or", "as", "into", "select", "set", "do", "with", "values",
            "asc", "desc", "nulls", "lateral", "escape", "over", "filter", "within", "partition", "range", "rows",
            "groups", "exclude", "option", "tablesample", "ordinality", "only", "is", "in", "like", "ilike",
            "between", "similar", "isnull", "notnull", "collate", "at", "default", "to", "by", "distinct", "all");

        /// <summary>Reserved words that cannot begin an expression (non-reserved words may be column names).</summary>
        public static readonly HashSet<string> CannotStartExpression = Set(
            "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
            "intersect", "except", "returning", "on", "using", "join", "inner", "outer", "cross", "natural",
            "then", "when", "else", "end", "and", "or", "as", "into", "select", "do", "with", "asc", "desc",
            "lateral", "is", "in", "like", "ilike", "between", "similar", "isnull", "notnull", "collate", "to",
            "distinct", "all", "only");

        /// <summary>Words that cannot be a column or table alias written without AS.</summary>
        public static readonly HashSet<string> NotBareAlias = Set(
            "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union",
            "intersect", "except", "returning", "on", "using", "join", "inner", "left", "right", "full", "cross",
            "natural", "outer", "lateral", "then", "when", "else", "end", "and", "or", "not", "as", "into",
            "select", "set", "do", "with", "values", "is", "in", "like", "ilike", "between", "similar", "isnull",
            "notnull", "asc", "desc", "nulls", "collate", "at", "tablesample", "default", "over", "filter",
            "within", "escape", "to", "by", "only", "table", "all", "any", "some", "distinct", "case", "cast",
            "array", "null", "true", "false", "check", "constraint", "primary", "references", "unique", "foreign",
            "overriding");

        /// <summary>First words of statements the reader recognises and skips without modelling them.</summary>
        public static readonly HashSet<string> OtherStatementStarts = Set(
            "create", "alter", "drop", "grant", "revoke", "do", "begin", "commit", "rollback", "start", "end",
            "savepoint", "release", "copy", "vacuum", "analyze", "analyse", "explain", "comment", "truncate",
            "lock", "notify", "listen", "unlisten", "prepare", "execute", "deallocate", "discard", "call", "show",
            "declare", "fetch", "move", "close", "refresh", "reindex", "cluster", "security", "import", "merge",
            "checkpoint", "load", "abort", "reassign");

        private static HashSet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.Ordinal);
    }
}
