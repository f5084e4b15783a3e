using TenantGuard.Analyzers.Tests.Infrastructure;
using Fix = TenantGuard.Analyzers.Tests.Infrastructure.CodeFixTest<TenantGuard.Analyzers.Rules.TG0001DataAccessMethodWithoutTenantScope, TenantGuard.CodeFixes.TG0001AddTenantParameterFix>;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// The fix adds the tenant parameter and makes the method's one query read it, so TG0001 is gone after it; where it
/// cannot make the query use the parameter (several queries, a wrapper, an explicit implementation, a collision) it
/// offers nothing rather than a parameter that scopes nothing.
/// </summary>
public sealed class TG0001FixTests
{
    [Fact]
    public Task Dapper_query_gets_the_parameter_the_predicate_and_the_value() => Fix.VerifyAsync(Code.Dapper("""
                public int {|TG0001:Count|}(string status) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE status = @status", new { status });
            """), Code.Dapper("""
                public int Count(Guid tenantId, string status) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE status = @status AND orders.tenant_id = @tenantId", new { status, tenantId });
            """));

    [Fact]
    public Task Types_the_parameter_like_its_siblings_and_fixes_all() => Fix.VerifyAsync(Code.Dapper("""
                public int Mine(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
                public int {|TG0001:All|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int {|TG0001:Customers|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM customers c");
            """), Code.Dapper("""
                public int Mine(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
                public int All(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE orders.tenant_id = @tenantId", param: new { tenantId });
                public int Customers(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM customers c WHERE c.tenant_id = @tenantId", param: new { tenantId });
            """));

    [Fact]
    public Task Npgsql_command_gets_add_with_value() => Fix.VerifyAsync(Code.Npgsql("""
                public object? {|TG0001:Total|}()
                {
                    using var command = new NpgsqlCommand("SELECT sum(total) FROM orders", connection);
                    return command.ExecuteScalar();
                }
            """), Code.Npgsql("""
                public object? Total(Guid tenantId)
                {
                    using var command = new NpgsqlCommand("SELECT sum(total) FROM orders WHERE orders.tenant_id = @tenantId", connection);
                    command.Parameters.AddWithValue("tenantId", tenantId);
                    return command.ExecuteScalar();
                }
            """));

    [Fact]
    public Task Ef_query_gets_a_where_on_the_tenant_property_typed_like_it() => Fix.VerifyAsync(Code.Ef("""
                public Task<List<Order>> {|TG0001:Big|}() => db.Orders.Where(o => o.Total > 1000).ToListAsync();
            """), Code.Ef("""
                public Task<List<Order>> Big(Guid tenantId) => db.Orders.Where(o => o.TenantId == tenantId).Where(o => o.Total > 1000).ToListAsync();
            """));

    [Fact]
    public Task Uses_the_first_configured_parameter_name() => Fix.VerifyAsync(Code.Dapper("""
                public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM clients");
            """), Code.Dapper("""
                public int Count(Guid teamId) => connection.ExecuteScalar<int>("SELECT count(*) FROM clients WHERE clients.team_id = @teamId", param: new { teamId });
            """),
            migrations: "CREATE TABLE clients (id uuid, team_id uuid);",
            editorConfig: "tenantguard.tenant_column = team_id\ntenantguard.tenant_parameter_names = teamId, tenantId\n");

    [Fact]
    public Task No_fix_for_a_method_with_two_queries()
    {
        // Which query the tenant belongs in is the author's call: a parameter filtering one of them would hide the other.
        var source = Code.Dapper("""
                public int {|TG0001:Both|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders") + connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
            """);
        return Fix.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_where_the_query_is_not_a_literal_or_not_a_query()
    {
        // An interpolated SQL text has no parameter syntax to add to; DbSet.Add writes an entity, there is no query to filter.
        const string source = Code.Usings + """
            public sealed class OrderRepository(IDbConnection connection, ShopContext db)
            {
                public int {|TG0001:Count|}(int limit) => connection.ExecuteScalar<int>($"SELECT count(*) FROM orders LIMIT {limit}");
                public void {|TG0001:Add|}(Order order) => db.Orders.Add(order);
            }
            """ + Code.EfModel;
        return Fix.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_on_an_explicit_interface_implementation()
    {
        // A new parameter would no longer implement the interface: the interface itself has to change.
        const string source = Code.Usings + """
            public interface IOrderRepository { int Count(); }
            public sealed class SqlOrders(IDbConnection connection) : IOrderRepository
            {
                int IOrderRepository.{|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            }
            """;
        return Fix.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_where_the_new_parameter_would_collide_with_an_overload_or_a_local()
    {
        // Count(Guid tenantId) exists: adding tenantId to Count() would declare it twice (CS0111); a local named
        // tenantId would clash with the parameter (CS0136).
        var source = Code.Dapper("""
                public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int Count(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
                public int {|TG0001:Open|}() { var tenantId = "x"; return connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE status = @tenantId", new { tenantId }); }
            """);
        return Fix.VerifyAsync(source, source);
    }
}
