using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;
using TenantGuard.CodeFixes;
using Fix = TenantGuard.Analyzers.Tests.Infrastructure.CodeFixTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter, TenantGuard.CodeFixes.TG0002AddTenantFilterFix>;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

public sealed class TG0002FixTests
{
    [Fact]
    public Task Dapper_anonymous_object_gets_the_tenant() => Fix.VerifyAsync(Code.Dapper("""
            public dynamic? Find(Guid tenantId, Guid id) =>
                connection.QueryFirstOrDefault({|TG0002:"SELECT * FROM orders WHERE id = @id"|}, new { id });
        """), Code.Dapper("""
            public dynamic? Find(Guid tenantId, Guid id) =>
                connection.QueryFirstOrDefault("SELECT * FROM orders WHERE id = @id AND orders.tenant_id = @tenantId", new { id, tenantId });
        """));

    [Fact]
    public Task Dapper_call_without_parameters_gets_a_parameter_object() => Fix.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders o ORDER BY o.id"|});
        """), Code.Dapper("""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query("SELECT * FROM orders o WHERE o.tenant_id = @tenantId ORDER BY o.id", param: new { tenantId });
        """));

    [Fact]
    public Task Dapper_command_definition_parameters_get_the_tenant() => Fix.VerifyAsync(Code.Dapper("""
            public Task<dynamic?> Find(Guid tenantId, Guid id, IDbTransaction tx) =>
                connection.QuerySingleOrDefaultAsync(new CommandDefinition({|TG0002:"SELECT * FROM customers WHERE id = @id"|}, new { id }, tx));
        """), Code.Dapper("""
            public Task<dynamic?> Find(Guid tenantId, Guid id, IDbTransaction tx) =>
                connection.QuerySingleOrDefaultAsync(new CommandDefinition("SELECT * FROM customers WHERE id = @id AND customers.tenant_id = @tenantId", new { id, tenantId }, tx));
        """));

    [Fact]
    public Task Npgsql_command_gets_add_with_value() => Fix.VerifyAsync(Code.Npgsql("""
            public object? Total(Guid tenantId)
            {
                using var command = new NpgsqlCommand({|TG0002:"SELECT sum(total) FROM orders"|}, connection);
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
    public Task Command_text_assignment_gets_add_with_value() => Fix.VerifyAsync(Code.Npgsql("""
            public object? Total(Guid tenantId)
            {
                using var command = connection.CreateCommand();
                command.CommandText = {|TG0002:"SELECT sum(total) FROM orders WHERE status = 'open'"|};
                return command.ExecuteScalar();
            }
        """), Code.Npgsql("""
            public object? Total(Guid tenantId)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT sum(total) FROM orders WHERE status = 'open' AND orders.tenant_id = @tenantId";
                command.Parameters.AddWithValue("tenantId", tenantId);
                return command.ExecuteScalar();
            }
        """));

    [Fact]
    public Task Ef_interpolated_query_gets_a_hole() => Fix.VerifyAsync(Code.Ef("""
            public IQueryable<Order> Over(Guid tenantId, decimal min) => db.Orders.FromSql({|TG0002:$"SELECT * FROM orders WHERE total > {min}"|});
        """), Code.Ef("""
            public IQueryable<Order> Over(Guid tenantId, decimal min) => db.Orders.FromSql($"SELECT * FROM orders WHERE total > {min} AND orders.tenant_id = {tenantId}");
        """));

    [Fact]
    public Task Raw_string_literal_keeps_its_layout() => Fix.VerifyAsync(Code.Dapper(""""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query({|TG0002:"""
                SELECT *
                FROM orders
                WHERE status = 'open'
                """|}, new { });
        """"), Code.Dapper(""""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query("""
                SELECT *
                FROM orders
                WHERE status = 'open' AND orders.tenant_id = @tenantId
                """, new { tenantId });
        """"));

    [Fact]
    public Task Insert_gets_the_tenant_column() => Fix.VerifyAsync(Code.Dapper("""
            public int Add(Guid tenantId, Guid id, string name) =>
                connection.Execute({|TG0002:"INSERT INTO customers (id, name) VALUES (@id, @name)"|}, new { id, name });
        """), Code.Dapper("""
            public int Add(Guid tenantId, Guid id, string name) =>
                connection.Execute("INSERT INTO customers (id, name, tenant_id) VALUES (@id, @name, @tenantId)", new { id, name, tenantId });
        """));

    [Fact]
    public Task No_fix_without_a_tenant_in_scope() => Fix.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> All() => connection.Query({|TG0002:"SELECT * FROM orders"|});
        """), Code.Dapper("""
            public IEnumerable<dynamic> All() => connection.Query({|TG0002:"SELECT * FROM orders"|});
        """));

    [Fact]
    public Task Fix_all_in_document() => Fix.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders"|}, new { });
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM customers c WHERE c.name = @n"|}, new { n = "x" });
        """), Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query("SELECT * FROM orders WHERE orders.tenant_id = @tenantId", new { tenantId });
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query("SELECT * FROM customers c WHERE c.name = @n AND c.tenant_id = @tenantId", new { n = "x", tenantId });
        """));

    [Fact]
    public Task Quoted_tenant_column_is_written_quoted() => Fix.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM \"Orders\" o ORDER BY o.\"Id\""|});
        """), Code.Dapper("""
            public IEnumerable<dynamic> Open(Guid tenantId) => connection.Query("SELECT * FROM \"Orders\" o WHERE o.\"TenantId\" = @tenantId ORDER BY o.\"Id\"", param: new { tenantId });
        """), migrations: null, editorConfig: "tenantguard.tenant_column = \"TenantId\"\ntenantguard.tenant_tables = \"Orders\"\n");
}
