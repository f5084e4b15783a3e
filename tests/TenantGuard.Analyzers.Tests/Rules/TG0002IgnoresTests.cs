using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0002 must not catch: filtered SQL, shared tables, exempt code, SQL it cannot know.</summary>
public sealed class TG0002IgnoresTests
{
    [Fact]
    public Task Filtered_select_update_delete() => Verify.VerifyAsync(Code.Dapper("""
            public Task<dynamic?> FindAsync(Guid tenantId, Guid id) =>
                connection.QueryFirstOrDefaultAsync("SELECT * FROM orders WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id });
            public int Cancel(Guid tenantId, Guid id) =>
                connection.Execute("UPDATE orders SET status = 'cancelled' WHERE id = @id AND tenant_id = @tenantId", new { tenantId, id });
            public int Delete(Guid tenantId, Guid id) =>
                connection.Execute("DELETE FROM orders WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id });
        """));

    [Fact]
    public Task Alias_filter_and_join_through_tenant_columns() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> WithCustomers(Guid tenantId) => connection.Query(
                "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = o.tenant_id WHERE o.tenant_id = @tenantId",
                new { tenantId });
        """));

    [Fact]
    public Task Insert_with_tenant_column() => Verify.VerifyAsync(Code.Dapper("""
            public int Add(Guid tenantId, Guid id) =>
                connection.Execute("INSERT INTO orders (id, tenant_id, customer_id, status, total) VALUES (@id, @tenantId, @id, 'new', 0)", new { id, tenantId });
        """));

    [Fact]
    public Task Shared_tables_are_not_tenant_owned() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Countries() => connection.Query("SELECT code, name FROM countries ORDER BY name");
            public IEnumerable<dynamic> Tenants() => connection.Query("SELECT id, name FROM tenants");
        """));

    [Fact]
    public Task Casts_and_current_setting_are_filters() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand A(Guid tenantId) => new NpgsqlCommand("SELECT * FROM orders WHERE tenant_id = @tenantId::uuid", connection);
            public NpgsqlCommand B() => new NpgsqlCommand("SELECT * FROM orders WHERE tenant_id = current_setting('app.current_tenant')::uuid", connection);
            public NpgsqlCommand C(Guid tenantId) => new NpgsqlCommand("SELECT * FROM orders WHERE tenant_id = $1", connection);
        """));

    [Fact]
    public Task Ef_interpolated_hole_is_a_parameter() => Verify.VerifyAsync(Code.Ef("""
            public IQueryable<Order> Mine(Guid tenantId) => db.Orders.FromSql($"SELECT * FROM orders WHERE tenant_id = {tenantId}");
        """));

    [Fact]
    public Task Cross_tenant_attribute_on_method_or_type() => Verify.VerifyAsync(Code.Dapper("""
            [CrossTenant("Nightly billing runs over every tenant")]
            public long CountAll() => connection.ExecuteScalar<long>("SELECT count(*) FROM orders");

            public sealed class Admin
            {
                public sealed class Nested
                {
                    public long Count(IDbConnection c) => c.ExecuteScalar<long>("SELECT count(*) FROM customers");
                }
            }
        }

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
        public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason { get; } = reason; }

        [Platform.CrossTenant("Support console")]
        public sealed class SupportQueries(IDbConnection connection)
        {
            public long Count() => connection.ExecuteScalar<long>("SELECT count(*) FROM orders");
        """).Replace("public sealed class Admin", "[CrossTenant(\"Platform administration\")]\n    public sealed class Admin") + """

        namespace Platform
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class CrossTenantAttribute(string reason) : System.Attribute { public string Reason { get; } = reason; }
        }
        """);

    [Fact]
    public Task Sql_that_cannot_be_known_is_not_reported() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Run(string sql) => connection.Query(sql);
            public IEnumerable<dynamic> Built(bool all)
            {
                var sql = "SELECT * FROM orders";
                if (!all) { sql += " WHERE tenant_id = @tenantId"; }
                return connection.Query(sql);
            }
        """));

    [Fact]
    public Task Strings_that_never_reach_a_sink() => Verify.VerifyAsync(Code.Dapper("""
            private const string Unused = "SELECT * FROM orders";
            public string Describe() => "DELETE FROM orders";
            public int Length() => Unused.Length;
        """));

    [Fact]
    public Task Methods_named_like_sinks_on_other_types() => Verify.VerifyAsync(Code.Dapper("""
            public int Run(FakeDb db) => db.Execute("DELETE FROM orders");
        }

        public sealed class FakeDb
        {
            public int Execute(string sql) => sql.Length;
        """));

    [Fact]
    public Task Generated_code_is_skipped() => Verify.VerifyAsync("// <auto-generated/>\n" + Code.Dapper("""
            public int Purge() => connection.Execute("DELETE FROM orders");
        """));

    [Fact]
    public Task Session_and_ddl_statements_are_not_queries() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand Begin() => new NpgsqlCommand("BEGIN; SELECT set_config('app.current_tenant', @t, true)", connection);
            public NpgsqlCommand Ddl() => new NpgsqlCommand("CREATE INDEX IF NOT EXISTS ix_orders_tenant ON orders (tenant_id)", connection);
        """));

    [Fact]
    public Task Sql_with_a_value_concatenated_in_is_not_known() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand A(string id) => new NpgsqlCommand("SELECT * FROM orders WHERE id = '" + id + "'", connection);
            public NpgsqlCommand B(string where) => new NpgsqlCommand("DELETE FROM orders WHERE " + where, connection);
        """));

    /// <summary>EF Core composes a DbContext's query filter over FromSql, so raw SQL on a tenant-filtered entity is
    /// filtered; ExecuteSql is not composed, and an unfiltered entity's FromSql is not filtered.</summary>
    [Fact]
    public Task FromSql_on_an_entity_its_context_filters_by_tenant() => Verify.VerifyAsync(Code.Usings + """
        public interface ITenantContext { Guid TenantId { get; } }
        public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } public decimal Total { get; set; } }
        public sealed class Customer { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantContext tenant) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == tenant.TenantId);
        }
        public sealed class Search(ShopContext db)
        {
            public IQueryable<Order> Big() => db.Orders.FromSqlRaw("SELECT * FROM orders WHERE total > 1000");
            public IQueryable<Customer> All() => db.Customers.FromSqlRaw({|TG0002:"SELECT * FROM customers"|});
            public int Purge() => db.Database.ExecuteSqlRaw({|TG0002:"DELETE FROM orders WHERE total = 0"|});
        }
        """);

    [Fact]
    public Task Tables_of_postgres_and_of_libraries_when_no_schema_is_declared() => Verify.VerifyAsync(Code.Dapper("""
            public int Lock() => connection.Execute("DELETE FROM hangfire.lock WHERE resource = @r", new { r = "x" });
            public int History() => connection.Execute("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('1', '10')");
            public int Tables() => connection.ExecuteScalar<int>("SELECT count(*) FROM information_schema.tables");
            public int Progress() => connection.ExecuteScalar<int>("SELECT count(*) FROM app.mt_event_progression");
            public int Template() => connection.ExecuteScalar<int>("SELECT last_value FROM \"{0}\".seq");
            public int Orders() => connection.ExecuteScalar<int>({|TG0002:"SELECT count(*) FROM orders"|});
        """), migrations: null);
}
