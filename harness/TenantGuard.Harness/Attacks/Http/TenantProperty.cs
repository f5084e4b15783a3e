namespace TenantGuard.Harness.Attacks.Http;

/// <summary>Request and response properties that name a tenant, the way APIs spell the tenant column.</summary>
public static class TenantProperty
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "tenant", "tenantid", "tenantuuid", "teamid", "organizationid", "organisationid", "orgid", "workspaceid", "accountid",
    };

    public static bool IsTenant(string propertyName) => Names.Contains(Normalize(propertyName));

    /// <summary>clientId, client_id, ClientID → the resource it points at (client), or null when not a reference.</summary>
    public static string? ReferenceStem(string propertyName)
    {
        var name = Normalize(propertyName);
        return name.Length > 2 && name.EndsWith("id", StringComparison.Ordinal) && !IsTenant(propertyName) ? name[..^2] : null;
    }

    public static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal)
        .Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
