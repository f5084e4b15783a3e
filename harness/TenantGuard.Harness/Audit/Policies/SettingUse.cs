namespace TenantGuard.Harness.Audit.Policies;

/// <summary>How an expression uses session settings: compared with the tenant column (the tenant setting), as the
/// caller's identity in a membership lookup, compared only with constants (a switch), or read at all.</summary>
internal sealed class SettingUse
{
    public HashSet<string> Tenant { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Identity { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Switch { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Read { get; } = new(StringComparer.Ordinal);
}
