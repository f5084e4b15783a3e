using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0001DataAccessMethodWithoutTenantScope>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0001 on every data-access naming, every default accessor type and the exemption in any namespace.</summary>
public sealed class TG0001CoverageTests
{
    [Fact]
    public Task Dao_store_and_queries_suffixes() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderDao(IDbConnection connection)
        {
            public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        public sealed class CustomerStore(NpgsqlDataSource dataSource)
        {
            public NpgsqlCommand {|TG0001:Count|}() => dataSource.CreateCommand("SELECT count(*) FROM customers");
        }
        public sealed class EventQueries(IDbConnection connection)
        {
            public async Task<int> {|TG0001:CountAsync|}() => await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit.events");
        }
        public sealed class Dao(IDbConnection connection)
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        """);

    [Fact]
    public Task Every_default_accessor_type_and_wrapped_accessors() => Verify.VerifyAsync(Code.Usings + """
        namespace Tenancy { public interface ITenantAccessor { Guid TenantId { get; } } public interface IMultiTenantContext { Guid TenantId { get; } } }
        public sealed class OrderRepository(IDbConnection connection, Lazy<Tenancy.ITenantAccessor> tenant)
        {
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @TenantId", tenant.Value);
        }
        public sealed class CustomerRepository(IDbConnection connection)
        {
            public Tenancy.IMultiTenantContext? Tenant { get; init; }
            public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM customers WHERE tenant_id = @TenantId", Tenant);
        }
        public sealed class LineRepository(IDbConnection connection)
        {
            public int Count(Tenancy.ITenantAccessor accessor) => connection.ExecuteScalar<int>("SELECT count(*) FROM \"OrderLines\" WHERE tenant_id = @TenantId", accessor);
        }
        """);

    [Fact]
    public Task A_tenant_in_a_plain_property_or_static_field_does_not_count() => Verify.VerifyAsync(Code.Usings + """
        public sealed class OrderRepository(IDbConnection connection)
        {
            public Guid TenantId { get; set; }
            private static Guid s_currentTenant;
            public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @TenantId", this);
            public int {|TG0001:Other|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @t", new { t = s_currentTenant });
        }
        """);

    [Fact]
    public Task Cross_tenant_on_a_type_in_any_namespace() => Verify.VerifyAsync(Code.Usings + """
        namespace Platform.Admin
        {
            [AttributeUsage(AttributeTargets.All)]
            public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason => reason; }

            [CrossTenant("Support console reads every tenant")]
            public sealed class SupportRepository(IDbConnection connection)
            {
                public int Count() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            }
        }
        public sealed class OrderRepository(IDbConnection connection)
        {
            public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
        }
        """);

    [Fact]
    public Task Ef_dbset_through_a_field_or_set_of_entity() => Verify.VerifyAsync(Code.Ef("""
            public Task<int> {|TG0001:CountAsync|}() => db.Set<Order>().CountAsync();
            public Task<int> CountMineAsync(Guid tenantId) => db.Orders.Where(o => o.TenantId == tenantId).CountAsync();
            public Task<int> CountCountriesAsync() => db.Set<Country>().CountAsync();
        """));

    [Fact]
    public Task Explicit_interface_implementations_are_reachable_and_checked() => Verify.VerifyAsync(Code.Usings + """
        public interface IOrderRepository { int Count(); int CountMine(Guid tenantId); }
        public sealed class SqlOrders(IDbConnection connection) : IOrderRepository
        {
            int IOrderRepository.{|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            int IOrderRepository.CountMine(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
        }
        """);

    [Fact]
    public Task Generic_repository_over_a_type_parameter_names_no_table() => Verify.VerifyAsync(Code.Usings + """
        public class Repository<T>(DbContext db) where T : class
        {
            public Task<List<T>> AllAsync() => db.Set<T>().ToListAsync();
        }
        """, migrations: null);
}
