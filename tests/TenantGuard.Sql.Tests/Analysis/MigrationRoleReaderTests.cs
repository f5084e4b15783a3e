using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    public class MigrationRoleReaderTests
    {
        private static string Created(string sql) =>
            string.Join(", ", MigrationRoleReader.Read(sql).Created.Select(r => r.Name));

        private static string Referenced(string sql) =>
            string.Join(", ", MigrationRoleReader.Read(sql).Referenced.Select(r => r.Name).Distinct());

        [Theory]
        [InlineData("CREATE ROLE app_user LOGIN PASSWORD 'x'", "app_user")]
        [InlineData("CREATE USER \"App\" WITH PASSWORD 'x'", "App")]
        [InlineData("CREATE GROUP readers", "readers")]
        [InlineData("create role App_User", "app_user")]
        [InlineData("CREATE USER MAPPING FOR app_user SERVER s", "")]
        public void Create_role_user_and_group_create_a_role(string sql, string expected) =>
            Assert.Equal(expected, Created(sql));

        [Fact]
        public void A_role_created_inside_a_guarded_do_block_is_created()
        {
            const string sql = """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
                        CREATE ROLE app_user NOLOGIN BYPASSRLS;
                    END IF;
                END
                $$;
                GRANT SELECT ON orders TO app_user;
                """;

            var roles = MigrationRoleReader.Read(sql);

            var created = Assert.Single(roles.Created);
            Assert.Equal("app_user", created.Name);
            Assert.Equal(1, created.Line);
            Assert.Equal("app_user", Assert.Single(roles.Referenced).Name);
        }

        [Fact]
        public void Execute_of_a_literal_inside_a_do_block_is_read()
        {
            Assert.Equal("svc", Created("DO $body$ BEGIN EXECUTE 'CREATE ROLE svc'; END $body$ LANGUAGE plpgsql;"));
        }

        [Fact]
        public void A_function_body_runs_later_and_creates_nothing_now()
        {
            Assert.Equal("", Created("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE ROLE later; END $$;"));
        }

        [Theory]
        [InlineData("GRANT SELECT, INSERT ON orders, items TO app_user, \"Reporting\"", "app_user, Reporting")]
        [InlineData("GRANT ALL ON ALL TABLES IN SCHEMA public TO anon, authenticated, service_role", "anon, authenticated, service_role")]
        [InlineData("GRANT USAGE ON SCHEMA app TO GROUP readers WITH GRANT OPTION", "readers")]
        [InlineData("GRANT app_user TO migrator", "app_user, migrator")]
        [InlineData("GRANT SELECT (id, name) ON orders TO app_user", "app_user")]
        [InlineData("REVOKE ALL ON orders FROM PUBLIC, app_user", "app_user")]
        [InlineData("GRANT SELECT ON orders TO PUBLIC", "")]
        [InlineData("ALTER TABLE orders OWNER TO app_owner", "app_owner")]
        [InlineData("ALTER DEFAULT PRIVILEGES FOR ROLE migrator IN SCHEMA public GRANT SELECT ON TABLES TO app_user", "migrator, app_user")]
        [InlineData("CREATE POLICY p ON orders AS PERMISSIVE FOR SELECT TO authenticated, anon USING (true)", "authenticated, anon")]
        [InlineData("CREATE POLICY p ON orders USING (tenant_id = current_setting('app.t')::uuid)", "")]
        [InlineData("ALTER POLICY p ON orders RENAME TO q", "")]
        [InlineData("ALTER TABLE orders RENAME TO purchases", "")]
        [InlineData("SET ROLE app_owner", "app_owner")]
        [InlineData("ALTER ROLE app_user SET search_path = app", "app_user")]
        [InlineData("CREATE SCHEMA app AUTHORIZATION app_owner", "app_owner")]
        [InlineData("CREATE ROLE app_user IN ROLE readers, writers ADMIN migrator", "readers, writers, migrator")]
        public void Roles_a_statement_relies_on_are_referenced(string sql, string expected) =>
            Assert.Equal(expected, Referenced(sql));

        [Fact]
        public void Lines_point_at_the_statement()
        {
            var roles = MigrationRoleReader.Read("CREATE TABLE t (id int);\n\nGRANT SELECT ON t TO app_user;");

            Assert.Equal(3, Assert.Single(roles.Referenced).Line);
        }

        [Theory]
        [InlineData("GRANT")]
        [InlineData("CREATE ROLE")]
        [InlineData("DO $$ unterminated")]
        [InlineData("GRANT SELECT ON t TO")]
        public void Broken_text_never_throws(string sql) => Assert.NotNull(MigrationRoleReader.Read(sql));
    }
}
