using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Audit;

public sealed record AuditOptions
{
    /// <summary>Tables that are tenant-owned even without the tenant column ("schema.table" or "table").</summary>
    public IReadOnlyList<string> TenantTables { get; init; } = [];

    /// <summary>Accepted findings (usually from tenantguard.json next to the migrations).</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Overrides the tenant setting name (else the database's, else detected from the policies).</summary>
    public string? TenantSetting { get; init; }

    /// <summary>Only these rule IDs (all when empty).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Extra facts to carry into the report (server kind, timings measured by the caller).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    public IProgress<string>? Progress { get; init; }
}
