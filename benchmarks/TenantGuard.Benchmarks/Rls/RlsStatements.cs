namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// The statement each request runs, per shape and mode. The modes differ only in the schema and in whether the
/// statement names the tenant itself; parameters: @t (tenant), @id (an order of the tenant), @customer.
/// </summary>
public static class RlsStatements
{
    public static string For(QueryShape shape, RlsMode mode)
    {
        var s = mode.Schema();
        var filter = mode.FiltersExplicitly();
        return shape switch
        {
            QueryShape.PointLookup =>
                $"SELECT id, tenant_id, customer_id, created_at, amount, status FROM {s}.orders WHERE id = @id" +
                (filter ? " AND tenant_id = @t" : ""),
            QueryShape.TenantPage =>
                $"SELECT id, customer_id, created_at, amount, status FROM {s}.orders" +
                (filter ? " WHERE tenant_id = @t" : "") + " ORDER BY created_at DESC LIMIT 50",
            QueryShape.TenantAggregate =>
                $"SELECT count(*), coalesce(sum(amount), 0) FROM {s}.orders" + (filter ? " WHERE tenant_id = @t" : ""),
            QueryShape.TwoTableJoin =>
                $"SELECT c.name, o.id, o.created_at, o.amount FROM {s}.customers AS c " +
                $"JOIN {s}.orders AS o ON o.customer_id = c.id WHERE c.id = @customer" +
                (filter ? " AND c.tenant_id = @t AND o.tenant_id = @t" : ""),
            QueryShape.Insert =>
                $"INSERT INTO {s}.orders (tenant_id, customer_id, created_at, amount, status) " +
                "VALUES (@t, @customer, now(), 9.99, 'new')",
            QueryShape.Update =>
                $"UPDATE {s}.orders SET amount = amount + 0.01 WHERE id = @id" + (filter ? " AND tenant_id = @t" : ""),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
        };
    }
}
