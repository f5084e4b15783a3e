using System.Text;

namespace TenantGuard.Harness.Bench.Queries;

/// <summary>A query of the team's own from a --queries file: its name, where it is (file:line), and its SQL with where
/// each <c>:tenant</c> placeholder stands.</summary>
public sealed record TeamQuery(string Name, string Source, string Sql, IReadOnlyList<int> TenantOffsets)
{
    public const string Placeholder = ":tenant";

    /// <summary>The SQL with every placeholder bound to $1, cast to the tenant column's type.</summary>
    public string Bind(string tenantType)
    {
        var sql = new StringBuilder();
        var last = 0;
        foreach (var offset in TenantOffsets)
        {
            sql.Append(Sql, last, offset - last).Append("($1::").Append(tenantType).Append(')');
            last = offset + Placeholder.Length;
        }

        return sql.Append(Sql, last, Sql.Length - last).ToString();
    }
}
