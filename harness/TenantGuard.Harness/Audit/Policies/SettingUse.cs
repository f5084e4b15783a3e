namespace TenantGuard.Harness.Audit.Policies;

/// <summary>How an expression uses session settings: compared with the tenant column (the tenant setting), as the
/// caller's identity in a membership lookup, compared only with constants (a switch), or read at all.</summary>
internal sealed class SettingUse
{
    public HashSet<string> Tenant { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Identity { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Switch { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

    /// <summary>Membership tables of bound lookups, with the column that holds the caller: the rows that say which
    /// tenants a caller belongs to (account_user.user_id).</summary>
    public HashSet<(string Table, string CallerColumn)> Memberships { get; } = [];

    /// <summary>Fixed tenant values the policies compare the tenant column with (a "platform" tenant every tenant sees).</summary>
    public HashSet<string> TenantLiterals { get; } = new(StringComparer.Ordinal);
}
