namespace TenantGuard.Harness.Attacks;

/// <summary>How <see cref="IsolationAttack"/> seeds and attacks a database.</summary>
public sealed record VerifyOptions
{
    /// <summary>Synthetic tenants to create (at least 2). The concurrency check spreads its workers across all of them.</summary>
    public int Tenants { get; init; } = 3;

    /// <summary>Rows created per tenant and table. The first row is the one children reference; the last one is
    /// the row the move attack tries to move, so foreign keys of children do not block it.</summary>
    public int RowsPerTable { get; init; } = 2;

    /// <summary>A SQL file run once per synthetic tenant after generation, for what the seeder cannot generate.
    /// <c>{{tenant}}</c> is replaced by the tenant's value as a quoted literal; the tenant setting is set too.</summary>
    public string? SeedSqlFile { get; init; }

    /// <summary>Parallel workers of the concurrency check.</summary>
    public int ConcurrencyWorkers { get; init; } = 8;

    /// <summary>Transactions each concurrency worker runs.</summary>
    public int ConcurrencyIterations { get; init; } = 25;

    /// <summary>Run the pool check through pgbouncer in transaction mode when the pgbouncer binary is found.</summary>
    public bool UsePgBouncer { get; init; } = true;

    /// <summary>How the application puts the tenant on a connection. The default is the safe pattern,
    /// set_config(setting, value, true) inside the transaction; pass the application's own to check it.</summary>
    public ITenantContextApplier? ContextApplier { get; init; }

    /// <summary>Waivers applied to the findings (usually from tenantguard.json next to the migrations).</summary>
    public IReadOnlyList<Waivers.Waiver> Waivers { get; init; } = [];

    /// <summary>Receives human progress lines.</summary>
    public IProgress<string>? Progress { get; init; }
}
