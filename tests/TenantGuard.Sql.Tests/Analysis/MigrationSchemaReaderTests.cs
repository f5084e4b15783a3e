using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    public class MigrationSchemaReaderTests
    {
        private static string Tenant(string sql, string column = "tenant_id") =>
            string.Join(", ", MigrationSchemaReader.Read(sql, column).TenantTables.Select(t => t.ToString()));

        private static string All(string sql) =>
            string.Join(", ", MigrationSchemaReader.Read(sql, "tenant_id").AllTables.Select(t => t.ToString()));

        [Fact]
        public void Create_table_with_the_tenant_column_is_a_tenant_table()
        {
            var sql = "CREATE TABLE orders (id bigint PRIMARY KEY, tenant_id uuid NOT NULL); CREATE TABLE countries (code text PRIMARY KEY);";
            Assert.Equal("orders", Tenant(sql));
            Assert.Equal("orders, countries", All(sql));
        }

        [Fact]
        public void Create_table_if_not_exists_and_schema_qualified()
        {
            Assert.Equal("app.orders", Tenant("CREATE TABLE IF NOT EXISTS app.orders (tenant_id uuid, id int)"));
        }

        [Fact]
        public void Quoted_names_are_kept_verbatim()
        {
            Assert.Equal("\"Orders\"".Trim('"'), Tenant("CREATE TABLE \"Orders\" (\"TenantId\" uuid, tenant_id uuid)"));
            Assert.Equal("Orders", Tenant("CREATE TABLE \"Orders\" (\"TenantId\" uuid)", "\"TenantId\""));
            Assert.Equal(string.Empty, Tenant("CREATE TABLE \"Orders\" (\"TenantId\" uuid)", "tenantid"));
        }

        [Fact]
        public void Unquoted_names_fold_to_lower_case()
        {
            Assert.Equal("orders", Tenant("CREATE TABLE Public.ORDERS (Tenant_ID uuid)".Replace("Public.", string.Empty)));
            Assert.Equal("public.orders", Tenant("CREATE TABLE Public.ORDERS (Tenant_ID uuid)"));
        }

        [Fact]
        public void Constraint_mentioning_the_column_does_not_make_it_a_column()
        {
            Assert.Equal(string.Empty, Tenant("CREATE TABLE t (id int, CONSTRAINT fk FOREIGN KEY (id) REFERENCES x (tenant_id), CHECK (id > 0))"));
        }

        [Fact]
        public void Like_does_not_copy_the_tenant_column()
        {
            Assert.Equal("a", Tenant("CREATE TABLE a (tenant_id uuid); CREATE TABLE b (LIKE a INCLUDING ALL)"));
        }

        [Fact]
        public void Inherits_copies_the_tenant_column()
        {
            Assert.Equal("a, b", Tenant("CREATE TABLE a (tenant_id uuid); CREATE TABLE b (extra int) INHERITS (a)"));
        }

        [Fact]
        public void Alter_table_add_column_makes_a_tenant_table()
        {
            var sql = "CREATE TABLE clients (id uuid); ALTER TABLE ONLY clients ADD COLUMN IF NOT EXISTS team_id uuid NOT NULL;";
            Assert.Equal("clients", Tenant(sql, "team_id"));
        }

        [Fact]
        public void Alter_table_add_without_column_keyword()
        {
            Assert.Equal("t", Tenant("CREATE TABLE t (id int); ALTER TABLE IF EXISTS t ADD tenant_id uuid, ADD CONSTRAINT c CHECK (true)"));
        }

        [Fact]
        public void Alter_table_add_constraint_is_not_a_column()
        {
            Assert.Equal(string.Empty, Tenant("CREATE TABLE t (id int); ALTER TABLE t ADD CONSTRAINT tenant_id CHECK (id > 0)"));
        }

        [Fact]
        public void Drop_column_removes_tenant_status()
        {
            Assert.Equal(string.Empty, Tenant("CREATE TABLE t (tenant_id uuid); ALTER TABLE t DROP COLUMN IF EXISTS tenant_id CASCADE"));
        }

        [Fact]
        public void Rename_table_is_followed()
        {
            var sql = "CREATE TABLE orders_old (tenant_id uuid); ALTER TABLE orders_old RENAME TO orders";
            Assert.Equal("orders", Tenant(sql));
            Assert.Equal("orders", All(sql));
        }

        [Fact]
        public void Rename_column_to_the_tenant_column()
        {
            Assert.Equal("t", Tenant("CREATE TABLE t (org_id uuid); ALTER TABLE t RENAME COLUMN org_id TO tenant_id"));
            Assert.Equal(string.Empty, Tenant("CREATE TABLE t (tenant_id uuid); ALTER TABLE t RENAME tenant_id TO org_id"));
        }

        [Fact]
        public void Set_schema_is_followed()
        {
            Assert.Equal("app.t", Tenant("CREATE TABLE t (tenant_id uuid); ALTER TABLE t SET SCHEMA app"));
        }

        [Fact]
        public void Drop_table_removes_tables()
        {
            var sql = "CREATE TABLE a (tenant_id uuid); CREATE TABLE b (tenant_id uuid); CREATE TABLE c (id int); DROP TABLE IF EXISTS a, c CASCADE;";
            Assert.Equal("b", Tenant(sql));
            Assert.Equal("b", All(sql));
        }

        [Fact]
        public void Drop_then_recreate_without_the_column()
        {
            Assert.Equal(string.Empty, Tenant("CREATE TABLE a (tenant_id uuid); DROP TABLE a; CREATE TABLE a (id int)"));
        }

        [Fact]
        public void Schema_qualified_alter_matches_an_unqualified_create()
        {
            Assert.Equal("t", Tenant("CREATE TABLE t (id int); ALTER TABLE public.t ADD COLUMN tenant_id uuid"));
        }

        [Fact]
        public void Partitions_inherit_the_parent_status()
        {
            var sql = "CREATE TABLE events (tenant_id uuid, at date) PARTITION BY RANGE (at);\n" +
                      "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n" +
                      "CREATE TABLE logs (id int) PARTITION BY LIST (id);\n" +
                      "CREATE TABLE logs_1 PARTITION OF logs FOR VALUES IN (1);";
            Assert.Equal("events, events_2024", Tenant(sql));
        }

        [Fact]
        public void Attached_partition_takes_the_parent_status()
        {
            var sql = "CREATE TABLE events (tenant_id uuid, at date) PARTITION BY RANGE (at); CREATE TABLE e1 (tenant_id uuid, at date); CREATE TABLE e2 (id int);" +
                      "ALTER TABLE events ATTACH PARTITION e2 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')";
            Assert.Equal("events, e1, e2", Tenant(sql));
        }

        [Fact]
        public void Adding_the_column_to_a_partitioned_table_reaches_its_partitions()
        {
            var sql = "CREATE TABLE events (at date) PARTITION BY RANGE (at); CREATE TABLE e1 PARTITION OF events DEFAULT; ALTER TABLE events ADD COLUMN tenant_id uuid";
            Assert.Equal("events, e1", Tenant(sql));
        }

        [Fact]
        public void Other_statements_in_migrations_are_ignored()
        {
            var sql = "CREATE EXTENSION IF NOT EXISTS vector;\n" +
                      "CREATE TABLE docs (tenant_id uuid);\n" +
                      "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\n" +
                      "CREATE POLICY p ON docs USING (tenant_id = current_setting('app.tenant')::uuid);\n" +
                      "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.x := 1; RETURN NEW; END $$ LANGUAGE plpgsql;\n" +
                      "INSERT INTO docs (tenant_id) VALUES ('00000000-0000-0000-0000-000000000000');\n" +
                      "DO $$ BEGIN RAISE NOTICE 'ready'; END $$;";
            var result = MigrationSchemaReader.Read(sql, "tenant_id");
            Assert.Equal(new[] { "docs" }, result.TenantTables.Select(t => t.ToString()));
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void Unterminated_string_is_a_problem_with_its_line()
        {
            var result = MigrationSchemaReader.Read("CREATE TABLE a (tenant_id uuid);\nINSERT INTO a VALUES ('oops);\n", "tenant_id");
            var problem = Assert.Single(result.Problems);
            Assert.Equal(2, problem.Line);
            Assert.Equal(23, problem.Column);
            Assert.Equal(new[] { "a" }, result.TenantTables.Select(t => t.ToString()));
        }

        [Fact]
        public void Unterminated_comment_and_dollar_quote_are_problems()
        {
            Assert.Equal(3, MigrationSchemaReader.Read("SELECT 1;\n\n/* never closed", "tenant_id").Problems.Single().Line);
            Assert.Contains("$fn$", MigrationSchemaReader.Read("CREATE FUNCTION f() AS $fn$ body", "tenant_id").Problems.Single().Message);
        }

        [Fact]
        public void Unreadable_create_table_is_a_problem_naming_the_place()
        {
            var result = MigrationSchemaReader.Read("CREATE TABLE ok (tenant_id uuid);\nCREATE TABLE broken (, tenant_id uuid);", "tenant_id");
            var problem = Assert.Single(result.Problems);
            Assert.Equal(2, problem.Line);
            Assert.Equal(22, problem.Column);
            Assert.Contains("line 2", problem.Message);
            Assert.Equal(new[] { "ok" }, result.TenantTables.Select(t => t.ToString()));
        }

        [Fact]
        public void Empty_text_reads_as_no_tables()
        {
            var result = MigrationSchemaReader.Read(string.Empty, "tenant_id");
            Assert.Empty(result.AllTables);
            Assert.Empty(result.Problems);
        }
    }
}
