using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Audit;

namespace TenantGuard.Harness.Reports;

/// <summary>Every rule a harness report can carry (audit, database attacks, HTTP attacks): what a rule filter may name.</summary>
public static class HarnessRules
{
    public static readonly IReadOnlyList<RuleDescriptor> All = [.. AuditRules.All, .. AttackRules.Database, .. HttpAttackRules.All];

    public static bool IsKnown(string ruleId) => All.Any(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase));
}
