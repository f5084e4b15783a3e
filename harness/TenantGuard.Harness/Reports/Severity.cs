namespace TenantGuard.Harness.Reports;

/// <summary>How bad a finding is. Error: one tenant can reach another's rows. Warning: a weakness that becomes a
/// leak with one more mistake. Info: worth knowing.</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}
