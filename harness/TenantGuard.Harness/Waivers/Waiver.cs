namespace TenantGuard.Harness.Waivers;

/// <summary>A team's decision to accept one finding: rule + object + the reason. Object may end in '*' to cover
/// every object with that prefix (e.g. "public.*").</summary>
public sealed record Waiver(string Rule, string Object, string Reason)
{
    public bool Matches(string rule, string objectName) =>
        string.Equals(Rule, rule, StringComparison.OrdinalIgnoreCase)
        && (Object.EndsWith('*')
            ? objectName.StartsWith(Object[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Object, objectName, StringComparison.OrdinalIgnoreCase));

    /// <summary>tenantguard.json is shared by the audit (TG1xxx) and the attacks (TG2xxx): each part matches only the
    /// waivers it could use, so neither reports the other's waivers as stale.</summary>
    public bool IsForAttackRule => Rule.StartsWith("TG2", StringComparison.OrdinalIgnoreCase);
}
