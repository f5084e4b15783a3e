using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Reports;

/// <summary>The result of an audit or an attack run: what is wrong, what was waived and why, waivers that matched
/// nothing, and facts about the run. A report never decides severity; the rules did.</summary>
public sealed class Report
{
    public Report(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<WaivedFinding>? waived = null,
        IReadOnlyList<Waiver>? unmatchedWaivers = null,
        IReadOnlyDictionary<string, string>? facts = null,
        IReadOnlyList<RuleDescriptor>? rules = null,
        Severity failOn = Severity.Info)
    {
        Findings = findings;
        Waived = waived ?? [];
        UnmatchedWaivers = unmatchedWaivers ?? [];
        Facts = facts ?? new Dictionary<string, string>();
        Rules = rules ?? [];
        FailOn = failOn;
    }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<WaivedFinding> Waived { get; }

    public IReadOnlyList<Waiver> UnmatchedWaivers { get; }

    /// <summary>E.g. app role, tenant column, tenant setting, server kind, durations.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>The rules that ran (so a clean run still says what it checked).</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The least severe finding that fails the run; Info (the default) fails on any finding.</summary>
    public Severity FailOn { get; }

    /// <summary>0 clean, 1 a finding at or above <see cref="FailOn"/> or a waiver that matched nothing (a stale waiver
    /// hides nothing, but it is a mistake someone should see, whatever the severity threshold).</summary>
    public int ExitCode => Findings.Any(f => f.Severity <= FailOn) || UnmatchedWaivers.Count > 0 ? 1 : 0;
}
