namespace TenantGuard.Harness.Server;

/// <summary>
/// The harness's own role that runs the migrations and owns the databases. On a server the harness started it is
/// one role for the server's life; on a server others use it is one role per run, dropped when the run ends, so runs
/// never share or outlive it.
/// </summary>
internal static class OwnerRoles
{
    public const string ServerWide = "tenantguard_owner";
    public const string SharedServerPrefix = "tenantguard_owner_";

    public static string ForRun(RunTag tag) => SharedServerPrefix + tag.Id;

    /// <summary>True for a role the harness made to run the migrations (as opposed to one the user named).</summary>
    public static bool IsHarnessOwner(string role) =>
        role == ServerWide || (role.StartsWith(SharedServerPrefix, StringComparison.Ordinal) && role.Length == SharedServerPrefix.Length + 16);
}
