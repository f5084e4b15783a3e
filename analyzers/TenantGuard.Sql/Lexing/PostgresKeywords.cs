using System;
using System.Collections.Generic;

namespace TenantGuard.Sql.Lexing
{
    /// <summary>
    /// PostgreSQL's keywords that are not UNRESERVED (src/include/parser/kwlist.h): the words quote_ident quotes.
    /// Unreserved keywords need no quotes, so they are not listed. The table is PostgreSQL 15's, plus the words later
    /// versions added; quoting a word an older server would accept bare is always harmless.
    /// </summary>
    internal static class PostgresKeywords
    {
        /// <summary>RESERVED_KEYWORD.</summary>
        public static readonly HashSet<string> Reserved = Set(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with",
            // PostgreSQL 16
            "system_user");

        /// <summary>COL_NAME_KEYWORD: may name a column, never a function or type.</summary>
        public static readonly HashSet<string> ColumnName = Set(
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable",
            // PostgreSQL 16 and 17
            "json_array", "json_arrayagg", "json_object", "json_objectagg", "json", "json_exists", "json_query",
            "json_scalar", "json_serialize", "json_table", "json_value", "merge_action");

        /// <summary>TYPE_FUNC_NAME_KEYWORD: may name a function or type, never a column.</summary>
        public static readonly HashSet<string> TypeOrFunctionName = Set(
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

        /// <summary>True for a keyword of any category but UNRESERVED.</summary>
        public static bool NeedsQuotes(string word) =>
            Reserved.Contains(word) || ColumnName.Contains(word) || TypeOrFunctionName.Contains(word);

        private static HashSet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.Ordinal);
    }
}
