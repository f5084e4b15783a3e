using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// TG0002 on every sink the rule promises: each Dapper family, each EF Core method and its Async form, the ADO.NET
/// command types, reached positionally, by name and through unreduced extension calls.
/// </summary>
public sealed class TG0002SinkCoverageTests
{
    [Fact]
    public Task Db_command_and_IDbCommand_command_text() => Verify.VerifyAsync(Code.Usings + """
        public sealed class ReportStore
        {
            public object? Generic(System.Data.Common.DbConnection db, Guid tenantId)
            {
                using System.Data.Common.DbCommand command = db.CreateCommand();
                command.CommandText = {|TG0002:"SELECT count(*) FROM orders"|};
                return command.ExecuteScalar();
            }

            public object? Interface(IDbConnection db, Guid tenantId)
            {
                using IDbCommand command = db.CreateCommand();
                command.CommandText = {|TG0002:"SELECT count(*) FROM customers"|};
                return command.ExecuteScalar();
            }
        }
        """);

    [Fact]
    public Task Npgsql_batch_command_text_and_named_constructor_arguments() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlBatchCommand Assigned(Guid tenantId)
            {
                var command = new NpgsqlBatchCommand();
                command.CommandText = {|TG0002:"DELETE FROM customers"|};
                return command;
            }
            public NpgsqlBatchCommand Initialised(Guid tenantId) => new NpgsqlBatchCommand { CommandText = {|TG0002:"DELETE FROM orders"|} };
            public NpgsqlCommand Named(Guid tenantId) => new NpgsqlCommand(connection: connection, cmdText: {|TG0002:"SELECT * FROM orders"|});
        """));

    [Fact]
    public Task Every_dapper_family() => Verify.VerifyAsync(Code.Dapper("""
            public dynamic A(Guid tenantId) => connection.QuerySingle({|TG0002:"SELECT * FROM orders LIMIT 1"|});
            public Task<dynamic?> B(Guid tenantId) => connection.QuerySingleOrDefaultAsync({|TG0002:"SELECT * FROM orders LIMIT 1"|});
            public dynamic C(Guid tenantId) => connection.QueryFirst({|TG0002:"SELECT * FROM orders"|});
            public IEnumerable<Guid> D(Guid tenantId) => connection.Query<Guid>({|TG0002:"SELECT id FROM orders"|});
            public Task<SqlMapper.GridReader> E(Guid tenantId) => connection.QueryMultipleAsync({|TG0002:"SELECT * FROM orders"|});
            public Task<object?> F(Guid tenantId) => connection.ExecuteScalarAsync({|TG0002:"SELECT count(*) FROM orders"|});
            public IDataReader G(Guid tenantId) => connection.ExecuteReader({|TG0002:"SELECT * FROM orders"|});
            public Task<int> H(Guid tenantId) => connection.ExecuteAsync(new CommandDefinition(parameters: null, commandText: {|TG0002:"DELETE FROM orders"|}));
            public Task<Guid> I(Guid tenantId) => SqlMapper.QueryFirstAsync<Guid>(connection, {|TG0002:"SELECT id FROM customers"|});
        """));

    [Fact]
    public Task Every_ef_core_method_and_its_async_form() => Verify.VerifyAsync(Code.Ef("""
            public int A(Guid tenantId) => db.Database.ExecuteSqlRaw({|TG0002:"DELETE FROM orders"|});
            public Task<int> B(Guid tenantId) => db.Database.ExecuteSqlAsync({|TG0002:$"DELETE FROM orders WHERE total < {0}"|});
            public int C(Guid tenantId) => db.Database.ExecuteSqlInterpolated({|TG0002:$"DELETE FROM orders WHERE total < {0}"|});
            public Task<int> D(Guid tenantId) => db.Database.ExecuteSqlInterpolatedAsync({|TG0002:$"DELETE FROM orders WHERE total < {0}"|});
            public IQueryable<Order> E(Guid tenantId) => RelationalQueryableExtensions.FromSqlRaw(db.Orders, {|TG0002:"SELECT * FROM orders"|});
            public int F(Guid tenantId) => db.Database.ExecuteSqlRaw(sql: {|TG0002:"DELETE FROM orders"|});
        """));

    [Fact]
    public Task Filtered_sql_on_the_same_sinks_is_not_reported() => Verify.VerifyAsync(Code.Ef("""
            public int A(Guid tenantId) => db.Database.ExecuteSqlRaw("DELETE FROM orders WHERE tenant_id = {0}", tenantId);
            public Task<int> B(Guid tenantId) => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM orders WHERE tenant_id = {tenantId}");
            public IQueryable<Order> C(Guid tenantId) => db.Orders.FromSqlRaw("SELECT * FROM orders WHERE tenant_id = @p0", tenantId);
        """));

    [Fact]
    public Task Sql_in_a_non_sql_argument_is_not_read() => Verify.VerifyAsync(Code.Dapper("""
            // Only the parameter named sql is SQL; a string that happens to look like SQL elsewhere is data.
            public IEnumerable<dynamic> Q(Guid tenantId, string note) =>
                connection.Query("SELECT * FROM orders WHERE tenant_id = @tenantId AND status = @note", new { tenantId, note = "DELETE FROM orders" });
        """));
}
