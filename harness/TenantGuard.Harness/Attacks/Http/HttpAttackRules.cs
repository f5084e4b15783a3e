using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Attacks;

/// <summary>The IDs and descriptions of the HTTP attack rules (TG21xx), in one place.</summary>
public static class HttpAttackRules
{
    public const string IdorAcrossTenants = "TG2101";
    public const string HeaderSwap = "TG2102";
    public const string SubdomainSpoof = "TG2103";
    public const string ApiKeyWithOtherTenantHeader = "TG2104";
    public const string MissingTenantNotRefused = "TG2105";
    public const string UnknownTenantNotRefused = "TG2106";
    public const string UpdateAcrossTenants = "TG2107";
    public const string DeleteAcrossTenants = "TG2108";
    public const string TenantSpoofOnCreate = "TG2109";

    public static readonly IReadOnlyList<RuleDescriptor> All =
    [
        new(IdorAcrossTenants, "IDOR across tenants", Severity.Error,
            "Tenant A fetched one of tenant B's records by id through the API."),
        new(HeaderSwap, "Tenant header overrides a stronger tenant source", Severity.Error,
            "A request resolved by subdomain to tenant A, carrying tenant B in the tenant header, was served B's data."),
        new(SubdomainSpoof, "Host header overrides the API key", Severity.Error,
            "A request with tenant A's API key and tenant B's subdomain in the Host header was served B's data."),
        new(ApiKeyWithOtherTenantHeader, "Tenant header overrides the API key", Severity.Error,
            "A request with tenant A's API key and tenant B in the tenant header was served B's data."),
        new(MissingTenantNotRefused, "Request without tenant not refused", Severity.Error,
            "A request naming no tenant was not answered 403."),
        new(UnknownTenantNotRefused, "Request for an unknown tenant not refused", Severity.Error,
            "A request with an unknown API key, subdomain or tenant header was not answered 403."),
        new(UpdateAcrossTenants, "Update across tenants", Severity.Error,
            "Tenant A's PUT or PATCH of one of tenant B's items was not answered 403/404, or changed it."),
        new(DeleteAcrossTenants, "Delete across tenants", Severity.Error,
            "Tenant A's DELETE of one of tenant B's items was not answered 403/404, or removed it."),
        new(TenantSpoofOnCreate, "Tenant taken from the request body on create", Severity.Error,
            "A POST by tenant A whose body named tenant B created the item in tenant B instead of being refused or kept in A."),
    ];

    /// <summary>The rules an HTTP run reports: its own, and TG2009 for a positive control that failed.</summary>
    public static IReadOnlyList<RuleDescriptor> Reported =>
        [.. All, AttackRules.Database.First(r => r.Id == AttackRules.IsolationNotProven)];
}
