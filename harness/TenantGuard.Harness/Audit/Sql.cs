using System.Text.RegularExpressions;

namespace TenantGuard.Harness.Audit;

/// <summary>Builds the SQL text of fixes: identifiers quoted only when PostgreSQL needs it.</summary>
internal static partial class Sql
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate", "column", "constraint",
        "create", "default", "desc", "distinct", "do", "else", "end", "except", "false", "for", "foreign", "from",
        "grant", "group", "having", "in", "into", "leading", "limit", "not", "null", "offset", "on", "only", "or",
        "order", "primary", "references", "select", "table", "then", "to", "true", "union", "unique", "user",
        "using", "when", "where", "with",
    };

    public static string Ident(string name) =>
        PlainIdentifier().IsMatch(name) && !Reserved.Contains(name) ? name : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Table(string schema, string name) => $"{Ident(schema)}.{Ident(name)}";

    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    [GeneratedRegex("^[a-z_][a-z0-9_$]*$")]
    private static partial Regex PlainIdentifier();
}
