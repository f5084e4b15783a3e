using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    /// <summary>TG0004: settings that leak across pooled connections, or SET LOCAL given a parameter.</summary>
    public class SessionSettingTests
    {
        private static SessionScopedSetting Single(string sql, SqlCheckOptions? options = null) =>
            Assert.Single(TestSchemas.Check(sql, options).SessionScopedSettings);

        [Theory]
        [InlineData("SET app.current_tenant = 'acme'", "'acme'")]
        [InlineData("SET app.current_tenant TO 'acme'", "'acme'")]
        [InlineData("SET SESSION app.current_tenant = 'acme'", "'acme'")]
        [InlineData("SET app.current_tenant = acme", "'acme'")]
        [InlineData("SET app.current_tenant = 42", "'42'")]
        [InlineData("SET app.current_tenant = $1", "$1::text")]
        public void Session_scoped_set_of_a_custom_setting(string sql, string suggestedValue)
        {
            var setting = Single(sql);
            Assert.Equal(SessionSettingKind.SessionScopedSet, setting.Kind);
            Assert.Equal("app.current_tenant", setting.SettingName);
            Assert.Equal("SELECT set_config('app.current_tenant', " + suggestedValue + ", true)", setting.SuggestedSql);
        }

        [Fact]
        public void Session_scoped_set_span_covers_the_statement()
        {
            var sql = "BEGIN; SET app.tenant = 'x'; COMMIT";
            var setting = Single(sql);
            Assert.Equal("SET app.tenant = 'x'", sql.Substring(setting.Start, setting.Length));
            Assert.Equal("SET app.tenant = 'x'", setting.StatementText);
        }

        [Theory]
        [InlineData("SET app.tenant TO DEFAULT")]
        [InlineData("SET app.tenant = ''")]
        [InlineData("SELECT set_config('app.tenant', NULL, false)")]
        [InlineData("SELECT set_config('app.tenant', '', false)")]
        public void Clearing_a_setting_carries_no_tenant_to_the_next_request(string sql)
        {
            Assert.Empty(TestSchemas.Check(sql).SessionScopedSettings);
        }

        [Theory]
        [InlineData("SELECT set_config('app.current_tenant', $1, false)", "$1::text")]
        [InlineData("SELECT set_config('app.current_tenant', @tenant::text, 'f')", "@tenant::text")]
        [InlineData("SELECT set_config('app.current_tenant', @tenant, 'false')", "@tenant::text")]
        [InlineData("SELECT set_config('app.current_tenant', $1, 0::bool)", "$1::text")]
        [InlineData("SELECT set_config('app.current_tenant', $1, false::boolean)", "$1::text")]
        [InlineData("SELECT pg_catalog.set_config('app.current_tenant', $1, FALSE)", "$1::text")]
        [InlineData("SELECT 1 FROM countries WHERE set_config('app.current_tenant', $1, false) IS NOT NULL", "$1::text")]
        [InlineData("SELECT * FROM (SELECT set_config('app.current_tenant', $1, false)) s", "$1::text")]
        public void Set_config_not_local(string sql, string valueText)
        {
            var setting = Single(sql);
            Assert.Equal(SessionSettingKind.SetConfigNotLocal, setting.Kind);
            Assert.Equal("app.current_tenant", setting.SettingName);
            Assert.Equal("SELECT set_config('app.current_tenant', " + valueText + ", true)", setting.SuggestedSql);
            Assert.StartsWith("set_config(", sql.Substring(setting.Start, setting.Length).Replace("pg_catalog.", string.Empty));
        }

        [Theory]
        [InlineData("SET LOCAL app.current_tenant = $1", "$1::text")]
        [InlineData("SET LOCAL app.current_tenant = @tenant", "@tenant::text")]
        [InlineData("SET LOCAL app.current_tenant TO :tenant", ":tenant::text")]
        public void Set_local_with_a_placeholder_fails_at_run_time(string sql, string placeholder)
        {
            var setting = Single(sql);
            Assert.Equal(SessionSettingKind.SetLocalWithPlaceholder, setting.Kind);
            Assert.Equal("SELECT set_config('app.current_tenant', " + placeholder + ", true)", setting.SuggestedSql);
        }

        [Fact]
        public void Set_local_with_an_interpolation_hole()
        {
            var setting = Single("SET LOCAL app.current_tenant = {0}", new SqlCheckOptions { InterpolationHoles = true });
            Assert.Equal(SessionSettingKind.SetLocalWithPlaceholder, setting.Kind);
        }

        [Theory]
        [InlineData("SELECT set_config('app.current_tenant', $1, true)")]
        [InlineData("SELECT set_config('app.current_tenant', $1, 't')")]
        [InlineData("SELECT set_config('app.current_tenant', $1, @isLocal)")]
        [InlineData("SET LOCAL app.current_tenant = 'acme'")]
        [InlineData("SET search_path = tenant_a, public")]
        [InlineData("SET search_path TO $1")]
        [InlineData("SET TIME ZONE 'UTC'")]
        [InlineData("SET SESSION TIME ZONE 'UTC'")]
        [InlineData("SET statement_timeout = 5000")]
        [InlineData("SET ROLE app_user")]
        [InlineData("RESET app.current_tenant")]
        [InlineData("SELECT current_setting('app.current_tenant')")]
        [InlineData("SELECT 'SET app.current_tenant = 1'")]
        [InlineData("-- SET app.current_tenant = 'x'\nSELECT 1")]
        [InlineData("SELECT set_config('search_path', $1, false)")]
        public void Not_a_session_scoped_setting(string sql)
        {
            Assert.Empty(TestSchemas.Check(sql).SessionScopedSettings);
        }

        [Fact]
        public void Each_statement_is_reported()
        {
            var settings = TestSchemas.Check("SET app.a = '1'; SET LOCAL app.b = $1; SELECT set_config('app.c', $2, false)").SessionScopedSettings;
            Assert.Equal(new[] { "app.a", "app.b", "app.c" }, settings.Select(s => s.SettingName));
            Assert.Equal(
                new[] { SessionSettingKind.SessionScopedSet, SessionSettingKind.SetLocalWithPlaceholder, SessionSettingKind.SetConfigNotLocal },
                settings.Select(s => s.Kind));
        }
    }
}
