namespace TenantGuard.Harness.Audit.Policies;

/// <summary>The commands a finding covers, as its message lists them.</summary>
internal static class PolicyCommands
{
    public static string Describe(IEnumerable<CommandVerdict> verdicts) =>
        string.Join(", ", verdicts.Select(v => v.Aspect == "WITH CHECK" && v.Command == "UPDATE" ? "UPDATE (WITH CHECK)" : v.Command).Distinct());
}
