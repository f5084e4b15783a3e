using System.Linq;
using TenantGuard.Sql.Parsing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Tests.Parsing
{
    public class SqlParserTests
    {
        private static SqlStatement ParseOne(string sql)
        {
            var document = SqlDocument.Parse(sql, interpolationHoles: false);
            var statement = Assert.Single(document.Statements);
            Assert.False(statement is UnparsedStatement, (statement as UnparsedStatement)?.Message);
            return statement;
        }

        private static SelectQuery Block(string sql) => Assert.IsType<SelectQuery>(Assert.IsType<SelectStatement>(ParseOne(sql)).Query);

        [Fact]
        public void Statements_split_on_top_level_semicolons_only()
        {
            var document = SqlDocument.Parse("SELECT ';'; SELECT (1); DO $$ BEGIN PERFORM 1; END $$; ;", false);
            Assert.Equal(new[] { "SELECT", "SELECT", "DO" }, document.Statements.Select(s => s.Kind));
        }

        [Fact]
        public void Begin_atomic_body_is_not_split()
        {
            var sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; SELECT 3";
            var document = SqlDocument.Parse(sql, false);
            Assert.Equal(new[] { "CREATE FUNCTION", "SELECT" }, document.Statements.Select(s => s.Kind));
        }

        [Fact]
        public void Statement_span_excludes_the_semicolon()
        {
            var document = SqlDocument.Parse("  SELECT 1 ;SELECT 2", false);
            Assert.Equal(2, document.Statements[0].Start);
            Assert.Equal(10, document.Statements[0].End);
            Assert.Equal(12, document.Statements[1].Start);
        }

        [Fact]
        public void Select_block_reads_every_clause()
        {
            var block = Block("SELECT DISTINCT ON (a) a, count(*) AS n FROM t WHERE x = 1 GROUP BY a HAVING count(*) > 1 WINDOW w AS (PARTITION BY a) ORDER BY a LIMIT 10 OFFSET 5 FOR UPDATE SKIP LOCKED");
            Assert.True(block.Distinct);
            Assert.Equal(2, block.SelectList.Count);
            Assert.IsType<NamedTableReference>(Assert.Single(block.From));
            Assert.IsType<BinaryExpression>(block.Where);
            Assert.Equal(3, block.Trailing.Count);
        }

        [Fact]
        public void Fetch_first_rows_only()
        {
            var block = Block("SELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY");
            Assert.Equal(2, block.Trailing.Count);
        }

        [Theory]
        [InlineData("SELECT * FROM a JOIN b ON a.id = b.id", "inner")]
        [InlineData("SELECT * FROM a INNER JOIN b ON a.id = b.id", "inner")]
        [InlineData("SELECT * FROM a LEFT JOIN b ON a.id = b.id", "left")]
        [InlineData("SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id", "left")]
        [InlineData("SELECT * FROM a RIGHT JOIN b USING (id)", "right")]
        [InlineData("SELECT * FROM a FULL OUTER JOIN b ON true", "full")]
        [InlineData("SELECT * FROM a CROSS JOIN b", "cross")]
        [InlineData("SELECT * FROM a NATURAL JOIN b", "inner")]
        public void Join_kinds(string sql, string kind)
        {
            var join = Assert.IsType<JoinTableReference>(Assert.Single(Block(sql).From));
            Assert.Equal(kind, join.Kind);
        }

        [Fact]
        public void Join_using_lists_columns()
        {
            var join = Assert.IsType<JoinTableReference>(Assert.Single(Block("SELECT * FROM a JOIN b USING (id, tenant_id) AS j").From));
            Assert.Equal(new[] { "id", "tenant_id" }, join.Using);
        }

        [Fact]
        public void Lateral_subquery_and_table_function_in_from()
        {
            var block = Block("SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.a_id = a.id) AS x, generate_series(1, 3) WITH ORDINALITY g(n, i)");
            Assert.Equal(3, block.From.Count);
            Assert.True(Assert.IsType<SubqueryTableReference>(block.From[1]).Lateral);
            Assert.Equal("g", Assert.IsType<FunctionTableReference>(block.From[2]).Alias);
        }

        [Theory]
        [InlineData("SELECT * FROM orders o", "o")]
        [InlineData("SELECT * FROM orders AS o", "o")]
        [InlineData("SELECT * FROM orders AS o (a, b)", "o")]
        [InlineData("SELECT * FROM ONLY orders o", "o")]
        [InlineData("SELECT * FROM orders \"O\"", "O")]
        [InlineData("SELECT * FROM orders WHERE true", null)]
        public void Table_aliases(string sql, string? alias)
        {
            Assert.Equal(alias, Assert.IsType<NamedTableReference>(Block(sql).From.Single()).Alias);
        }

        [Fact]
        public void Schema_qualified_and_quoted_table_names()
        {
            var table = Assert.IsType<NamedTableReference>(Block("SELECT * FROM App.\"Orders\"").From.Single());
            Assert.Equal(new QualifiedName("app", "Orders"), table.Name);
        }

        [Fact]
        public void Parenthesised_join_is_read()
        {
            var block = Block("SELECT * FROM (a JOIN b ON a.id = b.id) LEFT JOIN c ON c.id = a.id");
            var outer = Assert.IsType<JoinTableReference>(block.From.Single());
            Assert.IsType<JoinTableReference>(outer.Left);
        }

        [Fact]
        public void With_recursive_and_materialized_ctes()
        {
            var statement = Assert.IsType<SelectStatement>(ParseOne(
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5), u AS MATERIALIZED (SELECT 2), v AS NOT MATERIALIZED (SELECT 3) SELECT * FROM t, u, v"));
            Assert.True(statement.Query.With!.Recursive);
            Assert.Equal(new[] { "t", "u", "v" }, statement.Query.With.Tables.Select(t => t.Name));
        }

        [Fact]
        public void Data_modifying_cte_and_main_update()
        {
            var update = Assert.IsType<UpdateStatement>(ParseOne("WITH d AS (DELETE FROM a WHERE x = 1 RETURNING id) UPDATE b SET y = 2 WHERE id IN (SELECT id FROM d)"));
            Assert.IsType<DeleteStatement>(update.With!.Tables.Single().Body);
        }

        [Theory]
        [InlineData("SELECT 1 UNION SELECT 2", "union", false)]
        [InlineData("SELECT 1 UNION ALL SELECT 2", "union", true)]
        [InlineData("SELECT 1 INTERSECT SELECT 2", "intersect", false)]
        [InlineData("SELECT 1 EXCEPT ALL SELECT 2", "except", true)]
        [InlineData("(SELECT 1) UNION (SELECT 2 ORDER BY 1 LIMIT 1) ORDER BY 1", "union", false)]
        public void Set_operations(string sql, string op, bool all)
        {
            var setOperation = Assert.IsType<SetOperationQuery>(Assert.IsType<SelectStatement>(ParseOne(sql)).Query);
            Assert.Equal(op, setOperation.Operator);
            Assert.Equal(all, setOperation.All);
        }

        [Fact]
        public void Intersect_binds_tighter_than_union()
        {
            var union = Assert.IsType<SetOperationQuery>(Assert.IsType<SelectStatement>(ParseOne("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3")).Query);
            Assert.Equal("union", union.Operator);
            Assert.Equal("intersect", Assert.IsType<SetOperationQuery>(union.Right).Operator);
        }

        [Fact]
        public void Values_query_rows()
        {
            var values = Assert.IsType<ValuesQuery>(Assert.IsType<SelectStatement>(ParseOne("VALUES (1, 'a'), (2, 'b')")).Query);
            Assert.Equal(2, values.Rows.Count);
        }

        [Fact]
        public void Insert_with_columns_values_on_conflict_and_returning()
        {
            var insert = Assert.IsType<InsertStatement>(ParseOne(
                "INSERT INTO orders AS o (id, tenant_id) VALUES ($1, $2) ON CONFLICT (id) WHERE deleted IS NULL DO UPDATE SET total = EXCLUDED.total WHERE o.locked = false RETURNING id, tenant_id AS t"));
            Assert.Equal(new[] { "id", "tenant_id" }, insert.Columns);
            Assert.Equal("o", insert.Target.Alias);
            Assert.IsType<ValuesQuery>(insert.Source);
            Assert.Equal(6, insert.OtherExpressions.Count);
        }

        [Fact]
        public void Insert_default_values_and_insert_select()
        {
            Assert.Null(Assert.IsType<InsertStatement>(ParseOne("INSERT INTO t DEFAULT VALUES")).Source);
            Assert.IsType<SelectQuery>(Assert.IsType<InsertStatement>(ParseOne("INSERT INTO t (a) SELECT a FROM s ON CONFLICT ON CONSTRAINT pk DO NOTHING")).Source);
        }

        [Fact]
        public void Update_with_only_alias_from_and_returning()
        {
            var update = Assert.IsType<UpdateStatement>(ParseOne("UPDATE ONLY orders AS o SET (a, b) = (1, 2), c[1] = 3 FROM customers c WHERE c.id = o.customer_id RETURNING o.*"));
            Assert.Equal("o", update.Target.Alias);
            Assert.Single(update.From);
            Assert.Single(update.Returning);
        }

        [Fact]
        public void Update_where_current_of()
        {
            Assert.True(Assert.IsType<UpdateStatement>(ParseOne("UPDATE orders SET a = 1 WHERE CURRENT OF cur")).WhereCurrentOf);
        }

        [Fact]
        public void Delete_using_and_returning()
        {
            var delete = Assert.IsType<DeleteStatement>(ParseOne("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id RETURNING o.id"));
            Assert.Equal("o", delete.Target.Alias);
            Assert.Single(delete.Using);
        }

        [Theory]
        [InlineData("SET app.tenant = 'x'", "app.tenant", "Default")]
        [InlineData("SET SESSION app.tenant TO $1", "app.tenant", "Session")]
        [InlineData("SET LOCAL app.tenant = @t", "app.tenant", "Local")]
        [InlineData("SET search_path TO \"$user\", public", "search_path", "Default")]
        [InlineData("SET TIME ZONE 'UTC'", "time zone", "Default")]
        [InlineData("SET LOCAL TIME ZONE LOCAL", "time zone", "Local")]
        [InlineData("RESET app.tenant", "app.tenant", "Default")]
        public void Set_statements(string sql, string name, string scope)
        {
            var set = Assert.IsType<SetStatement>(ParseOne(sql));
            Assert.Equal(name, set.Name);
            Assert.Equal(scope, set.Scope.ToString());
        }

        [Fact]
        public void Create_table_with_constraints_reads_column_names()
        {
            var create = Assert.IsType<CreateTableStatement>(ParseOne(
                "CREATE TABLE IF NOT EXISTS public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES tenants(id), total numeric(10, 2) CHECK (total >= 0), CONSTRAINT u UNIQUE (tenant_id, id), \"Note\" text) PARTITION BY HASH (tenant_id)"));
            Assert.Equal(new QualifiedName("public", "orders"), create.Name);
            Assert.Equal(new[] { "id", "tenant_id", "total", "Note" }, create.Columns);
        }

        [Fact]
        public void Create_table_partition_of()
        {
            var create = Assert.IsType<CreateTableStatement>(ParseOne("CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
            Assert.Equal(new QualifiedName(null, "orders"), create.PartitionOf);
        }

        [Fact]
        public void Alter_table_actions()
        {
            var alter = Assert.IsType<AlterTableStatement>(ParseOne("ALTER TABLE IF EXISTS ONLY orders ADD COLUMN IF NOT EXISTS tenant_id uuid NOT NULL DEFAULT gen_random_uuid(), DROP COLUMN legacy, ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b(id)"));
            Assert.Equal(new[] { AlterTableActionKind.AddColumn, AlterTableActionKind.DropColumn, AlterTableActionKind.Other }, alter.Actions.Select(a => a.Kind));
            Assert.Equal("tenant_id", alter.Actions[0].Name);
        }

        [Fact]
        public void Drop_table_lists_names()
        {
            var drop = Assert.IsType<DropTableStatement>(ParseOne("DROP TABLE IF EXISTS a, s.b CASCADE"));
            Assert.Equal(new[] { new QualifiedName(null, "a"), new QualifiedName("s", "b") }, drop.Names);
        }

        [Theory]
        [InlineData("CREATE POLICY p ON orders USING (tenant_id = current_setting('app.tenant')::uuid)", "CREATE POLICY")]
        [InlineData("CREATE INDEX idx ON orders (tenant_id)", "CREATE INDEX")]
        [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS void AS $$ SELECT 1 $$ LANGUAGE sql", "CREATE OR")]
        [InlineData("GRANT SELECT ON orders TO app", "GRANT")]
        [InlineData("DO $$ BEGIN END $$", "DO")]
        [InlineData("ALTER TABLE orders ENABLE ROW LEVEL SECURITY", "ALTER TABLE")]
        [InlineData("BEGIN", "BEGIN")]
        public void Other_statements_are_recognised(string sql, string kind)
        {
            Assert.Equal(kind, ParseOne(sql).Kind);
        }

        [Theory]
        [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT 1", "SELECT")]
        [InlineData("EXPLAIN ANALYZE VERBOSE DELETE FROM t", "DELETE")]
        public void Explain_is_read_as_the_statement_it_explains(string sql, string kind)
        {
            Assert.Equal(kind, ParseOne(sql).Kind);
        }

        [Fact]
        public void Unknown_statement_is_unparsed_with_a_message()
        {
            var statement = Assert.Single(SqlDocument.Parse("FROBNICATE everything", false).Statements);
            var unparsed = Assert.IsType<UnparsedStatement>(statement);
            Assert.Contains("line 1, column 1", unparsed.Message);
        }

        [Fact]
        public void Broken_statement_does_not_stop_the_next_one()
        {
            var document = SqlDocument.Parse("SELECT FROM WHERE (); SELECT 1", false);
            Assert.IsType<UnparsedStatement>(document.Statements[0]);
            Assert.IsType<SelectStatement>(document.Statements[1]);
        }

        [Fact]
        public void Where_expression_structure()
        {
            var where = Block("SELECT 1 FROM t WHERE a = 1 AND (b = 2 OR c = 3) AND NOT d").Where;
            var and = Assert.IsType<BinaryExpression>(where);
            Assert.Equal("and", and.Operator);
            Assert.IsType<UnaryExpression>(and.Right);
        }

        [Theory]
        [InlineData("a IS NOT NULL", typeof(IsExpression))]
        [InlineData("a IS DISTINCT FROM b", typeof(IsExpression))]
        [InlineData("a NOTNULL", typeof(IsExpression))]
        [InlineData("a IN (1, 2)", typeof(InExpression))]
        [InlineData("a NOT IN (SELECT b FROM c)", typeof(InExpression))]
        [InlineData("EXISTS (SELECT 1)", typeof(ExistsExpression))]
        [InlineData("a BETWEEN 1 AND 2", typeof(BetweenExpression))]
        [InlineData("a NOT BETWEEN SYMMETRIC 1 AND 2", typeof(BetweenExpression))]
        [InlineData("a LIKE 'x%' ESCAPE '!'", typeof(BinaryExpression))]
        [InlineData("a NOT ILIKE 'x%'", typeof(BinaryExpression))]
        [InlineData("a SIMILAR TO 'x'", typeof(BinaryExpression))]
        [InlineData("a = ANY(@ids)", typeof(BinaryExpression))]
        [InlineData("a <> ALL (SELECT b FROM c)", typeof(BinaryExpression))]
        [InlineData("CASE WHEN a THEN 1 ELSE 2 END", typeof(CaseExpression))]
        [InlineData("CASE a WHEN 1 THEN 'x' END", typeof(CaseExpression))]
        [InlineData("CAST(a AS timestamp with time zone)", typeof(CastExpression))]
        [InlineData("a::numeric(10,2)[]", typeof(CastExpression))]
        [InlineData("count(*) FILTER (WHERE a > 1) OVER (PARTITION BY b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)", typeof(FunctionCallExpression))]
        [InlineData("string_agg(a, ',' ORDER BY a)", typeof(FunctionCallExpression))]
        [InlineData("percentile_cont(0.5) WITHIN GROUP (ORDER BY a)", typeof(FunctionCallExpression))]
        [InlineData("extract(year FROM created_at)", typeof(FunctionCallExpression))]
        [InlineData("substring(a FROM 1 FOR 2)", typeof(FunctionCallExpression))]
        [InlineData("tags[1:2]", typeof(SubscriptExpression))]
        [InlineData("ROW(1, 2)", typeof(RowExpression))]
        [InlineData("ARRAY[1, 2]", typeof(RowExpression))]
        [InlineData("(SELECT max(a) FROM b)", typeof(SubqueryExpression))]
        [InlineData("ARRAY(SELECT a FROM b)", typeof(SubqueryExpression))]
        [InlineData("data->>'name' = 'x'", typeof(BinaryExpression))]
        [InlineData("created_at AT TIME ZONE 'UTC'", typeof(BinaryExpression))]
        [InlineData("interval '1 day'", typeof(CastExpression))]
        [InlineData("timestamp with time zone '2020-01-01'", typeof(CastExpression))]
        [InlineData("uuid '00000000-0000-0000-0000-000000000000'", typeof(CastExpression))]
        [InlineData("-a", typeof(UnaryExpression))]
        public void Expression_kinds(string expression, System.Type expected)
        {
            var block = Block("SELECT 1 FROM t WHERE " + expression);
            Assert.IsType(expected, block.Where);
        }

        [Fact]
        public void String_constants_split_over_lines_are_one_constant()
        {
            var block = Block("SELECT 1 FROM t WHERE a = 'abc'\n  'def'");
            var literal = Assert.IsType<LiteralExpression>(Assert.IsType<BinaryExpression>(block.Where).Right);
            Assert.Equal("abcdef", literal.Value);
        }

        [Fact]
        public void Operator_precedence_puts_comparison_above_and()
        {
            var where = Assert.IsType<BinaryExpression>(Block("SELECT 1 FROM t WHERE a + 1 * 2 = 3 AND b").Where);
            var comparison = Assert.IsType<BinaryExpression>(where.Left);
            Assert.Equal("=", comparison.Operator);
            Assert.Equal("+", Assert.IsType<BinaryExpression>(comparison.Left).Operator);
        }

        [Fact]
        public void Unknown_expression_syntax_degrades_to_an_opaque_node()
        {
            var and = Assert.IsType<BinaryExpression>(Block("SELECT 1 FROM t WHERE a = \\x y AND c = 1").Where);
            Assert.Equal("and", and.Operator);
            Assert.IsType<OpaqueExpression>(Assert.IsType<BinaryExpression>(and.Left).Right);
        }

        [Fact]
        public void Operator_keyword_syntax_is_read_as_an_operator()
        {
            var and = Assert.IsType<BinaryExpression>(Block("SELECT 1 FROM t WHERE a OPERATOR(pg_catalog.=) b AND c = 1").Where);
            Assert.Equal("and", and.Operator);
        }

        [Fact]
        public void Question_mark_placeholder_degrades_gracefully()
        {
            var and = Assert.IsType<BinaryExpression>(Block("SELECT 1 FROM t WHERE a = ? AND c = 1").Where);
            Assert.Equal("and", and.Operator);
        }

        [Fact]
        public void Subquery_in_select_list_and_where()
        {
            var block = Block("SELECT (SELECT count(*) FROM b WHERE b.a = a.id) AS n FROM a WHERE EXISTS (SELECT 1 FROM c WHERE c.a = a.id)");
            Assert.IsType<SubqueryExpression>(block.SelectList.Single());
            Assert.IsType<ExistsExpression>(block.Where);
        }

        [Fact]
        public void Deep_nesting_is_unparsed_not_a_crash()
        {
            var sql = "SELECT " + new string('(', 5000) + "1" + new string(')', 5000);
            Assert.IsType<UnparsedStatement>(Assert.Single(SqlDocument.Parse(sql, false).Statements));
        }
    }
}
