using TenantGuard.Sql;

namespace TenantGuard.Harness.Audit;

/// <summary>Builds the SQL text of fixes, quoted exactly as PostgreSQL's quote_ident and quote_literal would.</summary>
internal static class Sql
{
    public static string Ident(string name) => SqlQuoting.QuoteIdentifier(name);

    public static string Table(string schema, string name) => SqlQuoting.QuoteQualifiedName(schema, name);

    public static string Literal(string value) => SqlQuoting.QuoteLiteral(value);
}
