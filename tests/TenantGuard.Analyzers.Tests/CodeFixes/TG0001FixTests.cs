using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;
using TenantGuard.CodeFixes;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

/// <summary>The fix adds the tenant parameter, so callers must pass the tenant; TG0001 then says the method does not use it
/// yet, until the query filters by it (the fix cannot know how the query takes its parameters).</summary>
public sealed class TG0001FixTests
{
    [Fact]
    public Task Adds_a_guid_tenant_parameter_first() =>
        CodeFixTest<TG0001DataAccessMethodWithoutTenantScope, TG0001AddTenantParameterFix>.VerifyAsync(Code.Dapper("""
                public int {|TG0001:Count|}(string status) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE status = @status", new { status });
            """), Code.Dapper("""
                public int {|TG0001:Count|}(Guid tenantId, string status) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE status = @status", new { status });
            """));

    [Fact]
    public Task Types_the_parameter_like_its_siblings_and_fixes_all() =>
        CodeFixTest<TG0001DataAccessMethodWithoutTenantScope, TG0001AddTenantParameterFix>.VerifyAsync(Code.Dapper("""
                public int Mine(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
                public int {|TG0001:All|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int {|TG0001:Customers|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
            """), Code.Dapper("""
                public int Mine(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
                public int {|TG0001:All|}(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int {|TG0001:Customers|}(string tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
            """));

    [Fact]
    public Task Uses_the_first_configured_parameter_name() =>
        CodeFixTest<TG0001DataAccessMethodWithoutTenantScope, TG0001AddTenantParameterFix>.VerifyAsync(Code.Dapper("""
                public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM clients");
            """), Code.Dapper("""
                public int {|TG0001:Count|}(Guid teamId) => connection.ExecuteScalar<int>("SELECT count(*) FROM clients");
            """),
            migrations: "CREATE TABLE clients (id uuid, team_id uuid);",
            editorConfig: "tenantguard.tenant_column = team_id\ntenantguard.tenant_parameter_names = teamId, tenantId\n");

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
        return CodeFixTest<TG0001DataAccessMethodWithoutTenantScope, TG0001AddTenantParameterFix>.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_where_the_new_parameter_would_collide_with_an_overload()
    {
        // Count(Guid tenantId) exists: adding tenantId to Count() would declare it twice (CS0111).
        var source = Code.Dapper("""
                public int {|TG0001:Count|}() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int Count(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
            """);
        return CodeFixTest<TG0001DataAccessMethodWithoutTenantScope, TG0001AddTenantParameterFix>.VerifyAsync(source, source);
    }
}
