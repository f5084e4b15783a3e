namespace TenantGuard.Harness.Setup;

/// <summary>What <c>tenantguard init</c> found in a project's migrations, each answer with the reasoning behind it,
/// so the user can check it before the files written from it are committed.</summary>
/// <param name="Layout">The migration layout's name (flat, prisma, flyway…).</param>
/// <param name="LayoutReason">Why that layout, as the loader says it.</param>
/// <param name="MigrationFiles">How many files run.</param>
public sealed record ProjectSetup(
    string Layout,
    string LayoutReason,
    int MigrationFiles,
    TenantColumnDetection TenantColumn,
    SetupAnswer AppRole,
    SetupAnswer TenantSetting);

/// <summary>One detected value: null when it could not be chosen, with why, and the candidates to choose from.</summary>
public sealed record SetupAnswer(string? Value, string Reason, IReadOnlyList<string> Candidates)
{
    /// <summary>Several candidates and no value: the user has to choose.</summary>
    public bool IsAmbiguous => Value is null && Candidates.Count > 1;
}
