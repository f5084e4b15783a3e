using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    public class MigrationObjectReaderTests
    {
        private static string Read(string sql) =>
            string.Join("; ", MigrationObjectReader.Read(sql).Select(o =>
                o.Kind + " " + o.Name + (o.Privileges.Count > 0 ? " [" + string.Join(",", o.Privileges) + "]" : "") + " @" + o.Line));

        [Theory]
        [InlineData("CREATE TABLE orders (id int)", "table orders @1")]
        [InlineData("create table if not exists app.\"Orders\" (id int)", "table app.Orders @1")]
        [InlineData("CREATE UNLOGGED TABLE t (id int)", "table t @1")]
        [InlineData("CREATE OR REPLACE VIEW v AS SELECT 1", "view v @1")]
        [InlineData("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1", "materialized view mv @1")]
        [InlineData("CREATE OR REPLACE FUNCTION app.f(uuid) RETURNS int LANGUAGE sql AS 'SELECT 1'", "function app.f @1")]
        [InlineData("CREATE POLICY \"Tenant rows\" ON public.orders USING (true)", "policy public.orders.Tenant rows @1")]
        [InlineData("CREATE USER app_user", "role app_user @1")]
        [InlineData("CREATE USER MAPPING FOR app_user SERVER s", "")]
        [InlineData("CREATE INDEX ON orders (tenant_id)", "")]
        public void Create_statements_name_their_object(string sql, string expected) => Assert.Equal(expected, Read(sql));

        [Theory]
        [InlineData("GRANT SELECT, TRUNCATE ON orders, items TO app", "grant orders [select,truncate] @1; grant items [select,truncate] @1")]
        [InlineData("GRANT ALL PRIVILEGES ON TABLE app.orders TO app", "grant app.orders [all] @1")]
        [InlineData("GRANT SELECT (id, name) ON orders TO app", "grant orders [select] @1")]
        [InlineData("GRANT ALL ON ALL TABLES IN SCHEMA public, \"App\" TO app", "grant public.* [all] @1; grant App.* [all] @1")]
        [InlineData("GRANT USAGE ON SEQUENCE s TO app", "")]
        [InlineData("GRANT EXECUTE ON FUNCTION f(uuid) TO app", "")]
        [InlineData("GRANT app TO migrator", "")]
        public void Grants_on_tables_are_located(string sql, string expected) => Assert.Equal(expected, Read(sql));

        [Fact]
        public void Lines_are_the_statements_first_line()
        {
            Assert.Equal("table a @1; table b @3", Read("CREATE TABLE a (id int);\n\nCREATE TABLE b (\n id int);"));
        }

        [Theory]
        [InlineData("CREATE")]
        [InlineData("GRANT SELECT ON")]
        [InlineData("CREATE POLICY p ON")]
        public void Broken_text_never_throws(string sql) => Assert.NotNull(MigrationObjectReader.Read(sql));
    }
}
