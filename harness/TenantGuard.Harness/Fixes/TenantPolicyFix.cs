using TenantGuard.Sql;

namespace TenantGuard.Harness.Fixes;

/// <summary>
/// The one way audit findings and attack findings spell the tenant policy a table should have, so a report never
/// proposes two settings or two shapes for one table. The setting is the one the policies compare with the tenant
/// column (the user's, never invented); <see cref="DefaultSetting"/> only when no policy reads one yet.
/// </summary>
public sealed class TenantPolicyFix(string tenantColumn, string? tenantSetting, string appRole)
{
    /// <summary>The setting proposed when no policy reads one: the sample app's, and what the attacks set then.</summary>
    public const string DefaultSetting = "app.current_tenant";

    public string Setting { get; } = tenantSetting ?? DefaultSetting;

    /// <summary><c>tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid</c>: no row, and no error,
    /// when the setting is unset or empty (a pooled connection after its transaction ended).</summary>
    public string Predicate(string columnType)
    {
        var value = $"nullif(current_setting({SqlQuoting.QuoteLiteral(Setting)}, true), '')";
        return columnType is "text"
            ? $"{SqlQuoting.QuoteIdentifier(tenantColumn)} = {value}"
            : $"{SqlQuoting.QuoteIdentifier(tenantColumn)} = {value}::{columnType}";
    }

    /// <summary>CREATE POLICY giving the table the standard tenant policy for the command (ALL by default), to the app role.</summary>
    public string CreatePolicy(string schema, string table, string columnType, string command = "ALL")
    {
        var name = SqlQuoting.QuoteIdentifier($"{table}_tenant_isolation{(command == "ALL" ? "" : "_" + command.ToLowerInvariant())}");
        var predicate = Predicate(columnType);
        var clauses = command switch
        {
            "INSERT" => $"WITH CHECK ({predicate})",
            "SELECT" or "DELETE" => $"USING ({predicate})",
            _ => $"USING ({predicate}) WITH CHECK ({predicate})",
        };
        return $"CREATE POLICY {name} ON {SqlQuoting.QuoteQualifiedName(schema, table)} FOR {command} TO {SqlQuoting.QuoteIdentifier(appRole)} {clauses};";
    }

    /// <summary>Row-level security enabled and forced, and the standard policy: what an attack finding on a table points at.</summary>
    public string RowSecurity(string schema, string table, string columnType)
    {
        var name = SqlQuoting.QuoteQualifiedName(schema, table);
        return $"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\nALTER TABLE {name} FORCE ROW LEVEL SECURITY;\n{CreatePolicy(schema, table, columnType)}";
    }
}
