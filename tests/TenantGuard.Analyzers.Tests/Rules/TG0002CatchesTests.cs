using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0002 catches: SQL on tenant-owned tables reaching each kind of sink without a tenant filter.</summary>
public sealed class TG0002CatchesTests
{
    [Fact]
    public Task Dapper_query() => Verify.VerifyAsync(Code.Dapper("""
            public Task<dynamic?> FindAsync(Guid tenantId, Guid id) =>
                connection.QueryFirstOrDefaultAsync({|TG0002:"SELECT * FROM orders WHERE id = @id"|}, new { id });
        """));

    [Fact]
    public Task Dapper_execute_update() => Verify.VerifyAsync(Code.Dapper("""
            public Task<int> CancelAsync(Guid tenantId, Guid id) =>
                connection.ExecuteAsync({|TG0002:"UPDATE orders SET status = 'cancelled' WHERE id = @id"|}, new { id });
        """));

    [Fact]
    public Task Dapper_execute_delete() => Verify.VerifyAsync(Code.Dapper("""
            public int Purge(Guid tenantId) => connection.Execute({|TG0002:"DELETE FROM orders WHERE status = 'void'"|});
        """));

    [Fact]
    public Task Dapper_insert_without_tenant_column() => Verify.VerifyAsync(Code.Dapper("""
            public int Add(Guid tenantId, Guid id) =>
                connection.Execute({|TG0002:"INSERT INTO orders (id, customer_id, status, total) VALUES (@id, @id, 'new', 0)"|}, new { id });
        """));

    [Fact]
    public Task Dapper_execute_scalar_and_query_multiple() => Verify.VerifyAsync(Code.Dapper("""
            public long Count(Guid tenantId) => connection.ExecuteScalar<long>({|TG0002:"SELECT count(*) FROM orders"|});
            public void Both(Guid tenantId) => connection.QueryMultiple({|TG0002:"SELECT * FROM customers WHERE tenant_id = @tenantId; SELECT * FROM orders"|}, new { tenantId });
        """));

    [Fact]
    public Task Dapper_command_definition() => Verify.VerifyAsync(Code.Dapper("""
            public Task<IEnumerable<dynamic>> AllAsync(Guid tenantId) =>
                connection.QueryAsync(new CommandDefinition({|TG0002:"SELECT * FROM customers"|}));
        """));

    [Fact]
    public Task Npgsql_command_constructor() => Verify.VerifyAsync(Code.Npgsql("""
            public async Task<object?> TotalAsync(Guid tenantId)
            {
                await using var command = new NpgsqlCommand({|TG0002:"SELECT sum(total) FROM orders"|}, connection);
                return await command.ExecuteScalarAsync();
            }
        """));

    [Fact]
    public Task Npgsql_command_text_assignment() => Verify.VerifyAsync(Code.Npgsql("""
            public object? Total(Guid tenantId)
            {
                using var command = connection.CreateCommand();
                command.CommandText = {|TG0002:"SELECT sum(total) FROM orders"|};
                return command.ExecuteScalar();
            }
        """));

    [Fact]
    public Task Npgsql_command_text_in_object_initializer() => Verify.VerifyAsync(Code.Npgsql("""
            public object? Total(Guid tenantId)
            {
                using var command = new NpgsqlCommand { Connection = connection, CommandText = {|TG0002:"SELECT sum(total) FROM orders"|} };
                return command.ExecuteScalar();
            }
        """));

    [Fact]
    public Task Npgsql_batch_command() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlBatchCommand Count(Guid tenantId) => new NpgsqlBatchCommand({|TG0002:"SELECT count(*) FROM customers"|});
        """));

    [Fact]
    public Task Npgsql_data_source_create_command() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand Count(Guid tenantId) => dataSource.CreateCommand({|TG0002:"SELECT count(*) FROM customers"|});
        """));

    [Fact]
    public Task Ef_from_sql_raw() => Verify.VerifyAsync(Code.Ef("""
            public IQueryable<Order> Big(Guid tenantId) => db.Orders.FromSqlRaw({|TG0002:"SELECT * FROM orders WHERE total > 1000"|});
        """));

    [Fact]
    public Task Ef_from_sql_interpolated() => Verify.VerifyAsync(Code.Ef("""
            public IQueryable<Order> Over(Guid tenantId, decimal min) => db.Orders.FromSql({|TG0002:$"SELECT * FROM orders WHERE total > {min}"|});
            public IQueryable<Order> Over2(Guid tenantId, decimal min) => db.Orders.FromSqlInterpolated({|TG0002:$"SELECT * FROM orders WHERE total > {min}"|});
        """));

    [Fact]
    public Task Ef_database_facade_methods() => Verify.VerifyAsync(Code.Ef("""
            public Task<int> Void(Guid tenantId) => db.Database.ExecuteSqlRawAsync({|TG0002:"UPDATE orders SET status = 'void'"|});
            public int Void2(Guid tenantId, string status) => db.Database.ExecuteSql({|TG0002:$"UPDATE orders SET status = {status}"|});
            public IQueryable<decimal> Totals(Guid tenantId) => db.Database.SqlQuery<decimal>({|TG0002:$"SELECT total AS \"Value\" FROM orders"|});
            public IQueryable<decimal> Totals2(Guid tenantId) => db.Database.SqlQueryRaw<decimal>({|TG0002:"SELECT total AS \"Value\" FROM orders"|});
        """));

    [Fact]
    public Task Message_names_table_statement_and_problem()
    {
        var test = new Verify(Code.Dapper("""
                public int Purge(Guid tenantId) => connection.Execute({|#0:"DELETE FROM orders WHERE status = 'void'"|});
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0002)
            .WithLocation(0)
            .WithArguments("orders", "DELETE", "is not filtered by tenant_id = <parameter>", "DELETE FROM orders WHERE status = 'void'", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task Insert_message_says_the_tenant_column_is_missing()
    {
        var test = new Verify(Code.Dapper("""
                public int Add(Guid tenantId) => connection.Execute({|#0:"INSERT INTO customers (id, name) VALUES (@id, @name)"|});
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0002)
            .WithLocation(0)
            .WithArguments("customers", "INSERT", "does not supply the tenant column tenant_id", "INSERT INTO customers (id, name) VALUES (@id, @name)", ""));
        return test.RunAsync();
    }
}
