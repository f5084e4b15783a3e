using System.Text;
using System.Text.RegularExpressions;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>Quoting for the SQL the attacks print as evidence: every statement is shown with its values inline so it
/// can be pasted into psql as is.</summary>
public static partial class SqlText
{
    public static string Identifier(string name) =>
        PlainIdentifier().IsMatch(name) && !Reserved.Contains(name)
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A literal with an explicit cast, or NULL.</summary>
    public static string Literal(string? value, string sqlType) =>
        value is null ? $"NULL::{sqlType}" : $"{Quote(value)}::{sqlType}";

    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>(a, b) = (x, y) for a row key; a single column needs no parentheses.</summary>
    public static string KeyEquals(string alias, SeedTable table, IReadOnlyList<string> columns, IReadOnlyDictionary<string, string?> row)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(" AND ");
            }

            var column = table.Column(columns[i])!;
            var value = row[columns[i]];
            builder.Append(alias.Length > 0 ? alias + "." : string.Empty).Append(Identifier(column.Name));
            builder.Append(value is null ? " IS NULL" : " = " + Literal(value, column.SqlType));
        }

        return builder.ToString();
    }

    // The reserved words a table or column is most likely to be called; anything else unusual is quoted by the regex.
    private static readonly HashSet<string> Reserved =
    [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate",
        "column", "constraint", "create", "current_user", "default", "desc", "distinct", "do", "else", "end",
        "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "into", "limit",
        "not", "null", "offset", "on", "only", "or", "order", "primary", "references", "select", "table", "then",
        "to", "true", "union", "unique", "user", "using", "when", "where", "window", "with",
    ];

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
