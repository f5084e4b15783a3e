namespace TenantGuard.Harness.Audit.Policies;

/// <summary>
/// Which session settings the policies read, and how: the tenant setting is the one compared with the tenant column
/// (directly or through a function body); a setting only compared with constants is a switch and never a candidate.
/// Counts are policies, each counted once per setting.
/// </summary>
/// <param name="TenantSettings">Settings compared with the tenant column: the tenant-setting candidates.</param>
/// <param name="SwitchSettings">Settings compared with constants (app.bypass_rls = 'on'): they open tables (TG1021).</param>
/// <param name="IdentitySettings">Settings that identify the caller in membership lookups (auth.uid()'s claim).</param>
/// <param name="SettingsRead">Every setting the policies read, directly or in the functions they call.</param>
public sealed record PolicySettings(
    IReadOnlyDictionary<string, int> TenantSettings,
    IReadOnlyDictionary<string, int> SwitchSettings,
    IReadOnlyDictionary<string, int> IdentitySettings,
    IReadOnlyCollection<string> SettingsRead,
    IReadOnlyCollection<(string Table, string CallerColumn)> Memberships,
    IReadOnlyCollection<string> TenantLiterals)
{
    public static readonly PolicySettings None = new(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), [], [], []);

    /// <summary>The tenant setting most policies compare with the tenant column (ties: by name); null when none does.</summary>
    public string? TenantSetting =>
        TenantSettings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).FirstOrDefault();

    /// <summary>True when policies compare the tenant column with more than one setting.</summary>
    public bool IsAmbiguous => TenantSettings.Count > 1;
}
