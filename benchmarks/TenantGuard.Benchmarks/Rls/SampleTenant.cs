namespace TenantGuard.Benchmarks.Rls;

/// <summary>A tenant requests are made for, with some of its order and customer ids.</summary>
public sealed record SampleTenant(int TenantId, IReadOnlyList<long> OrderIds, IReadOnlyList<long> CustomerIds, long Orders);
