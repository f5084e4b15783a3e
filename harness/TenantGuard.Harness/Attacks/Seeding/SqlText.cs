using System.Text;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>Quoting for the SQL the attacks print as evidence: every statement is shown with its values inline so it
/// can be pasted into psql as is.</summary>
public static class SqlText
{
    /// <summary>The name as PostgreSQL's quote_ident prints it.</summary>
    public static string Identifier(string name) => SqlQuoting.QuoteIdentifier(name);

    /// <summary>A literal with an explicit cast, or NULL.</summary>
    public static string Literal(string? value, string sqlType) =>
        value is null ? $"NULL::{sqlType}" : $"{Quote(value)}::{sqlType}";

    /// <summary>The value as PostgreSQL's quote_literal prints it.</summary>
    public static string Quote(string value) => SqlQuoting.QuoteLiteral(value);

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
}
