using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0004SessionScopedTenantSetting>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0004: tenant settings that outlive the request, and SET LOCAL with a parameter.</summary>
public sealed class TG0004Tests
{
    // ---- catches ----

    [Fact]
    public Task Set_and_set_session_on_a_custom_setting() => Verify.VerifyAsync(Code.Npgsql("""
            // Seed: SET app.current_tenant_id = 'your-tenant-uuid' in a pooled connection.
            public NpgsqlCommand A() => new NpgsqlCommand({|TG0004:"SET app.current_tenant_id = 'your-tenant-uuid'"|}, connection);
            public NpgsqlCommand B() => new NpgsqlCommand({|TG0004:"SET SESSION app.current_tenant TO 'a'"|}, connection);
        """));

    [Fact]
    public Task Set_config_with_false() => Verify.VerifyAsync(Code.Dapper("""
            public Task<int> UseTenantAsync(Guid tenantId) =>
                connection.ExecuteAsync({|TG0004:"SELECT set_config('app.current_tenant', @tenantId::text, false)"|}, new { tenantId });
        """));

    [Fact]
    public Task Set_local_with_a_parameter_fails_at_run_time() => Verify.VerifyAsync(Code.Npgsql("""
            // Seed: withTenant ran SET LOCAL app.current_tenant = $1.
            public async Task WithTenantAsync(Guid tenantId)
            {
                await using var command = new NpgsqlCommand({|TG0004:"SET LOCAL app.current_tenant = $1"|}, connection);
                command.Parameters.AddWithValue(tenantId);
                await command.ExecuteNonQueryAsync();
            }
            public Task<int> Named(IDbConnection db, Guid tenantId) => db.ExecuteAsync({|TG0004:"SET LOCAL app.current_tenant = @tenantId"|}, new { tenantId });
        """));

    [Fact]
    public Task Command_text_assignment_and_ef_raw_sql() => Verify.VerifyAsync(Code.Ef("""
            public Task<int> A() => db.Database.ExecuteSqlRawAsync({|TG0004:"SET app.current_tenant = 'x'"|});
            public int B(Guid tenantId) => db.Database.ExecuteSql({|TG0004:$"SELECT set_config('app.current_tenant', {tenantId.ToString()}, false)"|});
        """));

    // ---- must not catch ----

    [Fact]
    public Task Transaction_scoped_settings() => Verify.VerifyAsync(Code.Dapper("""
            public Task<int> A(Guid tenantId) => connection.ExecuteAsync("SELECT set_config('app.current_tenant', @tenantId::text, true)", new { tenantId });
            public Task<int> B() => connection.ExecuteAsync("SET LOCAL app.current_tenant = 'aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa'");
        """));

    [Fact]
    public Task Built_in_settings_and_comments() => Verify.VerifyAsync(Code.Dapper("""
            public Task<int> A() => connection.ExecuteAsync("SET statement_timeout = 5000");
            public Task<int> B() => connection.ExecuteAsync("SELECT 1 -- SET app.current_tenant = 'x'");
            public Task<int> C() => connection.ExecuteAsync("SELECT 'SET app.current_tenant = 1'");
        """));

    // ---- hard cases ----

    [Fact]
    public Task Every_statement_of_a_multi_statement_string_and_folded_constants() => Verify.VerifyAsync(Code.Npgsql("""
            private const string Setting = "app.current_tenant";
            private const string Prefix = "BEGIN; SET " + Setting;
            public NpgsqlCommand A() => new NpgsqlCommand({|TG0004:Prefix + " = 'x'; SELECT 1"|}, connection);
            public NpgsqlCommand B() => new NpgsqlCommand({|TG0004:{|TG0004:"SET app.a = 'x'; SET app.b TO 'y'"|}|}, connection);
        """));

    [Fact]
    public Task Named_arguments_and_unreduced_calls() => Verify.VerifyAsync(Code.Dapper("""
            public int A(Guid tenantId) => SqlMapper.Execute(param: new { tenantId }, sql: {|TG0004:"SET SESSION app.current_tenant = 'x'"|}, cnn: connection);
        """));

    [Fact]
    public Task Batch_commands_and_positional_set_config() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlBatchCommand A() => new NpgsqlBatchCommand({|TG0004:"SELECT set_config('app.current_tenant', $1, false)"|});
            public NpgsqlCommand B() => dataSource.CreateCommand({|TG0004:"SET SESSION app.tenant_id = 'acme'"|});
        """));

    [Fact]
    public Task Reading_resetting_and_built_in_roles_are_not_settings_of_the_tenant() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand A() => new NpgsqlCommand("SELECT current_setting('app.current_tenant', true)", connection);
            public NpgsqlCommand B() => new NpgsqlCommand("SHOW app.current_tenant", connection);
            public NpgsqlCommand C() => new NpgsqlCommand("SET ROLE app_user; SET search_path = app, public", connection);
            public NpgsqlCommand D() => new NpgsqlCommand(@"BEGIN;
                -- SET app.current_tenant = 'x' would leak; the transaction-scoped form does not.
                SELECT set_config('app.current_tenant', @tenantId, true);", connection);
        """));

    // ---- names and values not known from the literal ----

    [Fact]
    public Task Set_config_false_with_a_name_given_as_a_parameter() => Verify.VerifyAsync(Code.Dapper("""
            public Task<int> A(string name, Guid tenantId) =>
                connection.ExecuteAsync({|TG0004:"SELECT set_config(@name, @tenantId::text, false)"|}, new { name, tenantId });
            public Task<int> B(string name) => connection.ExecuteAsync({|TG0004:"SELECT pg_catalog.set_config($1, $2, 'off')"|}, new { name });
        """));

    [Fact]
    public Task Set_with_a_value_concatenated_into_the_text() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand A(string tenant) => new NpgsqlCommand({|TG0004:"SET app.current_tenant = '" + tenant + "'"|}, connection);
            public NpgsqlCommand B(Guid tenantId) => dataSource.CreateCommand({|TG0004:string.Concat("SET SESSION app.tenant_id TO '", tenantId.ToString(), "'")|});
            public NpgsqlCommand C(Guid tenantId)
            {
                var sql = "SELECT set_config('app.current_tenant', '" + tenantId + "', false)";
                return new NpgsqlCommand({|TG0004:sql|}, connection);
            }
        """));

    [Fact]
    public Task Concatenated_transaction_scoped_settings_and_built_in_names_are_not_reported() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand A(string tenant) => new NpgsqlCommand("SET LOCAL app.current_tenant = '" + tenant + "'", connection);
            public NpgsqlCommand B(string tenant) => new NpgsqlCommand("SELECT set_config('app.current_tenant', '" + tenant + "', true)", connection);
            public NpgsqlCommand C(string timeout) => new NpgsqlCommand("SET statement_timeout = " + timeout, connection);
            public NpgsqlCommand D(string name) => new NpgsqlCommand("SELECT set_config('search_path', " + name + ", false)", connection);
            public NpgsqlCommand E(string name) => new NpgsqlCommand("SELECT set_config(@name, 'x', true)", connection);
        """));

    [Fact]
    public Task Setting_sent_through_the_applications_own_wrapper() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Db(IDbConnection connection)
        {
            public Task<int> ExecuteAsync(string sql, object? param = null) => connection.ExecuteAsync(sql, param);
        }

        public sealed class TenantScope(Db db)
        {
            public Task<int> Enter(Guid tenantId) => db.ExecuteAsync({|TG0004:"SET app.current_tenant = @tenantId"|}, new { tenantId });
            public Task<int> EnterLocal(Guid tenantId) => db.ExecuteAsync("SELECT set_config('app.current_tenant', @tenantId::text, true)", new { tenantId });
        }
        """);

    [Fact]
    public Task Clearing_the_setting_carries_no_tenant() => Verify.VerifyAsync(Code.Dapper("""
            // Handing the connection back: the next request finds no tenant, not the previous one.
            public Task<int> Clear(string name) => connection.ExecuteAsync("SELECT set_config(@name, NULL, false)", new { name });
            public Task<int> Empty() => connection.ExecuteAsync("SELECT set_config('app.tenant_id', '', false)");
            public Task<int> Default() => connection.ExecuteAsync("SET app.tenant_id = DEFAULT");
            public Task<int> Set(string name, string value) => connection.ExecuteAsync({|TG0004:"SELECT set_config(@name, @value, false)"|}, new { name, value });
        """));
}
