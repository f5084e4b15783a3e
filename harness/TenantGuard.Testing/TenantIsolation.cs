using TenantGuard.Harness;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Testing;

/// <summary>
/// Tenant isolation as one assertion, for any test framework:
/// <code>[Fact] public Task Tenants_are_isolated() => TenantIsolation.VerifyAsync();</code>
/// finds the nearest tenantguard.json above the test assembly, starts PostgreSQL, applies the migrations it names, runs
/// the audit, the database attacks and the HTTP attacks it configures, and throws
/// <see cref="TenantIsolationException"/> listing the findings, waived findings and stale waivers unless all is clean.
/// </summary>
public static class TenantIsolation
{
    /// <param name="path">A tenantguard.json, a folder holding one, or the migrations; relative paths are looked for
    /// from the test assembly's folder upward. Null: the nearest tenantguard.json above the test assembly.</param>
    public static Task<Report> VerifyAsync(string? path = null, CancellationToken ct = default) =>
        VerifyAsync(new TenantIsolationOptions { Path = path }, ct);

    public static async Task<Report> VerifyAsync(TenantIsolationOptions options, CancellationToken ct = default)
    {
        await using var check = await StartAsync(options, ct).ConfigureAwait(false);
        return await check.VerifyAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Starts a check to share across tests (a fixture): verify it, and create databases from it.</summary>
    public static Task<TenantIsolationCheck> StartAsync(TenantIsolationOptions? options = null, CancellationToken ct = default) =>
        TenantIsolationCheck.StartAsync(options ?? new TenantIsolationOptions(), ct);
}
