namespace TenantGuard.Harness.Databases;

/// <summary>The role the checks act as and how it was found, said in the report's facts since every verdict depends
/// on it; or, when it could not be found, the question to put to the user.</summary>
public sealed record AppRoleResolution
{
    private AppRoleResolution(string? role, string origin, string? problem, IReadOnlyList<string> candidates)
    {
        Role = role;
        Origin = origin;
        Problem = problem;
        Candidates = candidates;
    }

    /// <summary>The application role, or null when <see cref="Problem"/> says why there is none.</summary>
    public string? Role { get; }

    /// <summary>One sentence: named or inferred, and where the role's definition comes from.</summary>
    public string Origin { get; }

    /// <summary>Why no role could be chosen (several candidates, none, no tenant table), naming what to pass.</summary>
    public string? Problem { get; }

    /// <summary>When several roles could be the app role: their names, most tenant tables first; else empty.</summary>
    public IReadOnlyList<string> Candidates { get; }

    public static AppRoleResolution Found(string role, string origin) => new(role, origin, null, []);

    public static AppRoleResolution Unresolved(string problem, IReadOnlyList<string>? candidates = null) => new(null, "", problem, candidates ?? []);

    /// <summary>The role, or a <see cref="HarnessException"/> (exit 2) with the question.</summary>
    public string Require() => Role ?? throw new HarnessException(Problem!);
}
