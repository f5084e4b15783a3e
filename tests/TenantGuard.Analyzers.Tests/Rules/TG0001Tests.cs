using Microsoft.CodeAnalysis.Testing;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0001DataAccessMethodWithoutTenantScope>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0001: data-access methods that touch tenant-owned tables without a tenant parameter or accessor.</summary>
public sealed class TG0001Tests
{
    // ---- catches ----

    [Fact]
    public Task Dapper_repository_method_without_tenant() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> {|TG0001:All|}() => connection.Query("SELECT * FROM orders WHERE tenant_id = @t", new { t = Guid.Empty });
        """));

    [Fact]
    public Task Ef_dbset_of_tenant_entity() => Verify.VerifyAsync(Code.Ef("""
            public Task<List<Order>> {|TG0001:AllAsync|}() => db.Orders.ToListAsync();
        """));

    [Fact]
    public Task Type_implementing_a_repository_interface_and_internal_methods() => Verify.VerifyAsync(Code.Usings + """
        public interface IOrderRepository { int Count(); }
        public sealed class SqlOrders(IDbConnection connection) : IOrderRepository
        {
            public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            internal int {|TG0001:CountCustomers|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
        }
        """);

    [Fact]
    public Task Type_listed_in_configuration() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Billing(IDbConnection connection)
        {
            public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        """, editorConfig: "tenantguard.data_access_types = Billing\n");

    [Fact]
    public Task Tenant_kept_in_a_plain_field_does_not_count() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderRepository(IDbConnection connection, Guid tenant)
        {
            private readonly Guid _tenantId = tenant;
            public IEnumerable<dynamic> {|TG0001:Mine|}() => connection.Query("SELECT * FROM orders WHERE tenant_id = @_tenantId", new { _tenantId });
        }
        """);

    [Fact]
    public Task Async_method_in_a_record_store() => Verify.VerifyAsync(Code.Usings + """
        public sealed record CustomerStore(IDbConnection Connection)
        {
            public async Task<int> {|TG0001:CountAsync|}() => await Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM customers");
        }
        """);

    [Fact]
    public Task Sql_inside_a_lambda_counts_for_the_method() => Verify.VerifyAsync(Code.Dapper("""
            public Func<int> {|TG0001:Counter|}() => () => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        """));

    // ---- must not catch ----

    [Fact]
    public Task Tenant_parameter_first_or_second_like_the_seed() => Verify.VerifyAsync(Code.Dapper("""
            // Seed: searchLeads(tenantId, criteria) and getLead(id, tenantId).
            public IEnumerable<dynamic> SearchLeads(Guid tenantId, string criteria) =>
                connection.Query("SELECT * FROM orders WHERE tenant_id = @tenantId AND status = @criteria", new { tenantId, criteria });
            public dynamic? GetLead(Guid id, Guid tenantId) =>
                connection.QueryFirstOrDefault("SELECT * FROM orders WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId });
            public int Count(string tenant_id) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenant_id", new { tenant_id });
            public int ByTeam(Guid teamId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @teamId", new { teamId });
        """));

    [Fact]
    public Task Parameter_typed_TenantId() => Verify.VerifyAsync(Code.Dapper("""
            public int Count(TenantId owner) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @Value", owner);
        }
        public readonly record struct TenantId(Guid Value);
        public sealed class Unused
        {
        """));

    [Fact]
    public Task Ambient_accessor_as_field_property_or_primary_constructor_parameter() => Verify.VerifyAsync(Code.Usings + """
        public interface ITenantContext { Guid TenantId { get; } }
        public interface ITenantProvider { Guid Current { get; } }
        public sealed class OrderRepository(IDbConnection connection, ITenantContext tenant)
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @TenantId", tenant);
        }
        public sealed class CustomerRepository
        {
            private readonly IDbConnection _connection;
            private readonly ITenantProvider _tenants;
            public CustomerRepository(IDbConnection connection, ITenantProvider tenants) { _connection = connection; _tenants = tenants; }
            public int Count() => _connection.ExecuteScalar<int>("SELECT count(*) FROM customers WHERE tenant_id = @Current", _tenants);
        }
        public abstract class TenantRepositoryBase { protected ITenantContext Tenant { get; init; } = null!; }
        public sealed class LineRepository(IDbConnection connection) : TenantRepositoryBase
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM \"OrderLines\" WHERE tenant_id = @TenantId", Tenant);
        }
        """);

    [Fact]
    public async Task A_tenant_parameter_nothing_reads_is_no_scope()
    {
        var test = new Verify(Code.Dapper("""
                public int {|#0:Count|}(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int Mine(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0001).WithLocation(0)
            .WithArguments("OrderRepository.Count", "orders", "never uses its tenant parameter 'tenantId'", ""));
        await test.RunAsync();
    }

    [Fact]
    public Task Queries_through_a_context_that_filters_the_entity_by_tenant_are_scoped() => Verify.VerifyAsync(Code.Usings + """
        public interface ITenantContext { Guid TenantId { get; } }
        public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class Invoice { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantContext tenant) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == tenant.TenantId);
        }
        public sealed class OrderQueries(ShopContext db)
        {
            public Task<List<Order>> AllAsync() => db.Orders.ToListAsync();
            public Task<List<Invoice>> {|TG0001:InvoicesAsync|}() => db.Invoices.ToListAsync();
        }
        """);

    [Fact]
    public Task A_repository_typed_by_a_base_context_or_plain_DbContext_is_scoped_by_the_subclass_filter() => Verify.VerifyAsync(Code.Usings + """
        public interface ITenantContext { Guid TenantId { get; } }
        public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class Invoice { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public abstract class ModuleContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
        {
            protected ITenantContext Tenant { get; } = tenant;
        }
        public sealed class SalesContext(DbContextOptions<SalesContext> options, ITenantContext tenant) : ModuleContext(options, tenant)
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == Tenant.TenantId);
        }
        public class Repository<T>(DbContext db) where T : class
        {
            protected DbContext Db { get; } = db;
        }
        public sealed class OrderRepository(SalesContext context, ModuleContext module) : Repository<Order>(context)
        {
            public Task<List<Order>> All() => Db.Set<Order>().ToListAsync();
            public Task<List<Order>> FromModule() => module.Set<Order>().ToListAsync();
            public Task<List<Invoice>> {|TG0001:Invoices|}() => module.Set<Invoice>().ToListAsync();
        }
        """);

    [Fact]
    public Task Configured_names_and_accessor_types() => Verify.VerifyAsync(Code.Usings + """
        public interface IOrgScope { Guid Org { get; } }
        public sealed class OrderRepository(IDbConnection connection, IOrgScope scope)
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @Org", scope);
        }
        public sealed class CustomerRepository(IDbConnection connection)
        {
            public int Count(Guid orgId) => connection.ExecuteScalar<int>("SELECT count(*) FROM customers WHERE tenant_id = @orgId", new { orgId });
            public int {|TG0001:Others|}(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM customers WHERE tenant_id = @tenantId", new { tenantId });
        }
        """, editorConfig: "tenantguard.tenant_parameter_names = orgId\ntenantguard.tenant_accessor_types = IOrgScope\n");

    [Fact]
    public Task Private_methods_other_types_and_shared_tables() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderRepository(IDbConnection connection)
        {
            private int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            public int Countries() => connection.ExecuteScalar<int>("SELECT count(*) FROM countries");
            public int Total() => Count();
        }
        public sealed class OrderService(IDbConnection connection)
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        """);

    [Fact]
    public Task Ef_dbset_of_shared_entity() => Verify.VerifyAsync(Code.Ef("""
            public Task<List<Country>> AllAsync() => db.Countries.ToListAsync();
        """));

    [Fact]
    public Task Cross_tenant_exemption() => Verify.VerifyAsync(Code.Dapper("""
            [CrossTenant("Billing export for the whole platform")]
            public int CountAll() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        [AttributeUsage(AttributeTargets.All)]
        public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason => reason; }
        public sealed class Unused
        {
        """));

    // ---- hard cases ----

    [Fact]
    public Task Accessor_declared_in_another_part_of_a_partial_class()
    {
        var test = new Verify(Code.Usings + """
            public interface ITenantAccessor { Guid TenantId { get; } }
            public sealed partial class OrderRepository(IDbConnection connection)
            {
                public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @TenantId", _tenant);
            }
            """);
        test.TestState.Sources.Add(("/0/Part2.cs", """
            public sealed partial class OrderRepository
            {
                private readonly ITenantAccessor _tenant = null!;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_a_schema_every_table_counts()
    {
        var test = new Verify(Code.Dapper("""
                public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM plans");
            """), migrations: null);
        return test.RunAsync();
    }
}
