using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// TG0002 through the application's own wrappers: SQL handed to a method that passes it on to Dapper, Npgsql or EF Core
/// is checked where it is written, and the wrapper itself is not reported.
/// </summary>
public sealed class TG0002WrapperTests
{
    private const string DapperRepository = """

        public interface IDapperRepository
        {
            Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param = null);
            Task<int> ExecuteAsync(string sql, object? param = null);
        }

        public sealed class DapperRepository(IDbConnection connection) : IDapperRepository
        {
            public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param = null) => connection.QueryAsync<T>(sql, param);
            public async Task<int> ExecuteAsync(string sql, object? param = null) => await connection.ExecuteAsync(new CommandDefinition(sql, param));
        }
        """;

    // ---- catches ----

    [Fact]
    public Task Call_through_a_repository_interface_is_checked_at_the_call_site() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderService(IDapperRepository repository)
        {
            public Task<IEnumerable<Guid>> All() => repository.QueryAsync<Guid>({|TG0002:"SELECT id FROM orders"|});
            public Task<int> Purge(Guid id) => repository.ExecuteAsync(param: new { id }, sql: {|TG0002:"DELETE FROM orders WHERE id = @id"|});
        }
        """ + DapperRepository);

    [Fact]
    public Task Extension_method_wrapping_a_command() => Verify.VerifyAsync(Code.Usings + """
        public static class ConnectionExtensions
        {
            public static NpgsqlCommand CreateCommand(this NpgsqlConnection connection, string sql) => new NpgsqlCommand(sql, connection);

            public static NpgsqlCommand Prepared(this NpgsqlConnection connection, string text)
            {
                var command = connection.CreateCommand();
                command.CommandText = text;
                return command;
            }
        }

        public sealed class OrderStore(NpgsqlConnection connection)
        {
            private const string Sql = "UPDATE orders SET status = 'x'";
            public NpgsqlCommand A() => connection.CreateCommand({|TG0002:"SELECT * FROM orders"|});
            public NpgsqlCommand B() => ConnectionExtensions.CreateCommand(connection, {|TG0002:Sql|});
            public NpgsqlCommand C() => connection.Prepared({|TG0002:$"SELECT * FROM orders WHERE id = {1}"|});
        }
        """);

    [Fact]
    public Task Three_levels_of_wrapping_and_ef_core_raw_sql() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Db(IDbConnection connection, ShopContext context)
        {
            public Task<int> Run(string sql) => Level1(sql);
            private Task<int> Level1(string commandText) => Level2(commandText, null);
            private Task<int> Level2(string text, object? param) => connection.ExecuteAsync(text, param);
            public IQueryable<Order> Orders(string sql) => context.Orders.FromSqlRaw(sql);
        }

        public sealed class Callers(Db db)
        {
            public Task<int> A() => db.Run({|TG0002:"DELETE FROM orders"|});
            public int B() => db.Orders({|TG0002:"SELECT * FROM orders"|}).Count();
        }
        """ + Code.EfModel);

    [Fact]
    public Task Abstract_base_method_implemented_in_the_compilation() => Verify.VerifyAsync(Code.Usings + """
        public abstract class Store
        {
            public abstract Task<int> ExecuteAsync(string sql);
        }

        public sealed class PgStore(IDbConnection connection) : Store
        {
            public override Task<int> ExecuteAsync(string sql) => connection.ExecuteAsync(sql);
        }

        public sealed class Cleanup(Store store)
        {
            public Task<int> Run() => store.ExecuteAsync({|TG0002:"DELETE FROM customers"|});
        }
        """);

    [Fact]
    public Task Configured_sinks_by_first_string_parameter_and_by_name() => Verify.VerifyAsync(Code.Usings + """
        namespace MyCompany.Data
        {
            public static class Db
            {
                public static int Query(IDbConnection connection, string text, object? param = null) => 0;
                public static int Execute(string label, string commandText) => 0;
            }
        }

        public sealed class Callers(IDbConnection connection)
        {
            public int A() => MyCompany.Data.Db.Query(connection, {|TG0002:"SELECT * FROM orders"|});
            public int B() => MyCompany.Data.Db.Execute("cleanup", {|TG0002:"DELETE FROM orders"|});
        }
        """, editorConfig: "tenantguard.sql_sinks = MyCompany.Data.Db.Query, MyCompany.Data.Db.Execute(commandText)\n");

    // ---- must not catch ----

    [Fact]
    public Task Filtered_sql_through_a_wrapper_and_shared_tables() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderService(IDapperRepository repository)
        {
            public Task<IEnumerable<Guid>> Mine(Guid tenantId) =>
                repository.QueryAsync<Guid>("SELECT id FROM orders WHERE tenant_id = @tenantId", new { tenantId });
            public Task<IEnumerable<string>> Countries() => repository.QueryAsync<string>("SELECT name FROM countries");
        }
        """ + DapperRepository);

    [Fact]
    public Task Methods_that_do_not_send_their_text_and_wrappers_too_deep() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Db(IDbConnection connection)
        {
            public void Log(string message) => Console.WriteLine(message);
            public Task<int> Limited(string sql) => connection.ExecuteAsync(sql + " LIMIT 1");
            public Task<int> Fixed(string label) => connection.ExecuteAsync("SELECT 1", new { label });
            public Task<int> Deep(string sql) => L1(sql);
            private Task<int> L1(string sql) => L2(sql);
            private Task<int> L2(string sql) => L3(sql);
            private Task<int> L3(string sql) => connection.ExecuteAsync(sql);
            public Task<int> Loop(string sql, int n) => n == 0 ? Task.FromResult(0) : Loop(sql, n - 1);
        }

        public sealed class Callers(Db db)
        {
            public void A() => db.Log("SELECT * FROM orders");
            public Task<int> B() => db.Limited("SELECT * FROM orders");
            public Task<int> C() => db.Fixed("SELECT * FROM orders");
            public Task<int> D() => db.Deep("DELETE FROM orders");
            public Task<int> E() => db.Loop("DELETE FROM orders", 3);
        }
        """);

    [Fact]
    public Task Configured_sink_names_must_match_the_full_type_name() => Verify.VerifyAsync(Code.Usings + """
        namespace Other
        {
            public static class Db
            {
                public static int Query(IDbConnection connection, string text) => 0;
            }
        }

        public sealed class Callers(IDbConnection connection)
        {
            public int A() => Other.Db.Query(connection, "SELECT * FROM orders");
        }
        """, editorConfig: "tenantguard.sql_sinks = MyCompany.Data.Db.Query\n");
}
