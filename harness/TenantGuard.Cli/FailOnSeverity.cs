using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary>The names --fail-on takes: the least severe finding that fails the run.</summary>
internal static class FailOnSeverity
{
    public static readonly IReadOnlyList<string> Names = ["error", "warning", "info"];

    /// <summary>Today's behaviour: any finding fails the run.</summary>
    public const string Default = "info";

    public static bool TryParse(string? name, out Severity severity) =>
        Enum.TryParse(name, ignoreCase: true, out severity) && Names.Contains(name!.ToLowerInvariant());
}
