namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>
/// How much data each tenant table gets and how it is spread: <see cref="Rows"/> rows per table over
/// <see cref="Tenants"/> tenants, the first of which (the "whale") holds <see cref="Skew"/> of them; the rest are spread
/// evenly over the others. Skew 0 spreads every table evenly over all tenants.
/// </summary>
public sealed record BenchDataShape(long Rows, int Tenants, double Skew)
{
    public const long DefaultRows = 100_000;
    public const int DefaultTenants = 100;
    public const double DefaultSkew = 0.2;

    public static BenchDataShape Default { get; } = new(DefaultRows, DefaultTenants, DefaultSkew);

    /// <summary>Rows of each table that belong to the whale (tenant 0).</summary>
    public long WhaleRows => Skew > 0 && Tenants > 1 ? (long)Math.Round(Skew * Rows) : 0;

    /// <summary>The tenants the other rows are spread over, and the first of them.</summary>
    public (int First, int Count) Others => WhaleRows > 0 ? (1, Tenants - 1) : (0, Tenants);
}
