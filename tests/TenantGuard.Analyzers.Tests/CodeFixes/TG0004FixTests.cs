using TenantGuard.Analyzers.Tests.Infrastructure;
using Fix = TenantGuard.Analyzers.Tests.Infrastructure.CodeFixTest<TenantGuard.Analyzers.Rules.TG0004SessionScopedTenantSetting, TenantGuard.CodeFixes.TG0004SetConfigLocalFix>;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

public sealed class TG0004FixTests
{
    [Fact]
    public Task Set_local_with_a_parameter_becomes_set_config() => Fix.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand Use() => new NpgsqlCommand({|TG0004:"SET LOCAL app.current_tenant = $1"|}, connection);
        """), Code.Npgsql("""
            public NpgsqlCommand Use() => new NpgsqlCommand("SELECT set_config('app.current_tenant', $1::text, true)", connection);
        """));

    [Fact]
    public Task Session_set_and_set_config_false_fixed_together() => Fix.VerifyAsync(Code.Dapper("""
            public Task<int> A(Guid tenantId) => connection.ExecuteAsync({|TG0004:"SET app.current_tenant = @tenantId"|}, new { tenantId });
            public Task<int> B(Guid tenantId) => connection.ExecuteAsync({|TG0004:"SELECT set_config('app.current_tenant', @tenantId, false)"|}, new { tenantId });
        """), Code.Dapper("""
            public Task<int> A(Guid tenantId) => connection.ExecuteAsync("SELECT set_config('app.current_tenant', @tenantId::text, true)", new { tenantId });
            public Task<int> B(Guid tenantId) => connection.ExecuteAsync("SELECT set_config('app.current_tenant', @tenantId::text, true)", new { tenantId });
        """));

    [Fact]
    public Task A_value_already_text_is_not_cast_again_and_a_parameter_name_stays() => Fix.VerifyAsync(Code.Dapper("""
            public Task<int> A(Guid tenantId) => connection.ExecuteAsync({|TG0004:"SELECT set_config('app.current_tenant', @tenantId::text, false)"|}, new { tenantId });
            public Task<int> B(string name, Guid tenantId) => connection.ExecuteAsync({|TG0004:"SELECT set_config(@name, @tenantId, false)"|}, new { name, tenantId });
            public Task<int> C() => connection.ExecuteAsync({|TG0004:"SET app.current_tenant = 'acme'"|});
        """), Code.Dapper("""
            public Task<int> A(Guid tenantId) => connection.ExecuteAsync("SELECT set_config('app.current_tenant', @tenantId::text, true)", new { tenantId });
            public Task<int> B(string name, Guid tenantId) => connection.ExecuteAsync("SELECT set_config(@name, @tenantId::text, true)", new { name, tenantId });
            public Task<int> C() => connection.ExecuteAsync("SELECT set_config('app.current_tenant', 'acme', true)");
        """));
}
