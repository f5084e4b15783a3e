using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Waivers;

/// <summary>Applies waivers to findings: a waived finding moves to Waived (never dropped), a waiver that matched
/// nothing is reported as unmatched.</summary>
public static class WaiverMatcher
{
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<WaivedFinding> Waived, IReadOnlyList<Waiver> Unmatched) Apply(
        IReadOnlyList<Finding> findings, IReadOnlyList<Waiver> waivers)
    {
        var active = new List<Finding>();
        var waived = new List<WaivedFinding>();
        var used = new HashSet<Waiver>();
        foreach (var finding in findings)
        {
            var waiver = waivers.FirstOrDefault(w => w.Matches(finding.Rule, finding.Object));
            if (waiver is null)
            {
                active.Add(finding);
                continue;
            }
            waived.Add(new WaivedFinding(finding, waiver));
            used.Add(waiver);
        }
        return (active, waived, waivers.Where(w => !used.Contains(w)).ToList());
    }
}
