namespace TenantGuard.Benchmarks.Rls;

/// <summary>Cycles deterministically through the sample tenants and their rows, as a stream of requests would.</summary>
public sealed class RequestSequence(IReadOnlyList<SampleTenant> tenants)
{
    private int _next;

    public RequestArguments Next()
    {
        var index = _next++ & int.MaxValue;
        var tenant = tenants[index % tenants.Count];
        var round = index / tenants.Count;
        return new RequestArguments(
            tenant.TenantId,
            tenant.OrderIds[round % tenant.OrderIds.Count],
            tenant.CustomerIds[round % tenant.CustomerIds.Count]);
    }
}
