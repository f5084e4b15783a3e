using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    /// <summary>Edits that add the missing tenant predicate, applied to the checked text.</summary>
    public class PredicateEditTests
    {
        private static string Fix(string sql, string placeholder = "@tenantId", int violation = 0)
        {
            var result = TestSchemas.Check(sql);
            var edits = result.Violations[violation].CreateTenantPredicateEdits(placeholder);
            Assert.NotEmpty(edits);
            var fixedSql = TestSchemas.Apply(sql, edits);
            Assert.True(TestSchemas.Check(fixedSql).IsFullyParsed, fixedSql);
            return fixedSql;
        }

        [Theory]
        [InlineData("SELECT * FROM orders", "SELECT * FROM orders WHERE orders.tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders o", "SELECT * FROM orders o WHERE o.tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders WHERE id = @id", "SELECT * FROM orders WHERE id = @id AND orders.tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders WHERE id = @id OR code = @code", "SELECT * FROM orders WHERE (id = @id OR code = @code) AND orders.tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders WHERE (id = @id OR code = @code)", "SELECT * FROM orders WHERE (id = @id OR code = @code) AND orders.tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders ORDER BY created_at DESC", "SELECT * FROM orders WHERE orders.tenant_id = @tenantId ORDER BY created_at DESC")]
        [InlineData("SELECT status, count(*) FROM orders GROUP BY status", "SELECT status, count(*) FROM orders WHERE orders.tenant_id = @tenantId GROUP BY status")]
        [InlineData("SELECT * FROM orders LIMIT 10 OFFSET 5", "SELECT * FROM orders WHERE orders.tenant_id = @tenantId LIMIT 10 OFFSET 5")]
        [InlineData("SELECT * FROM orders FOR UPDATE", "SELECT * FROM orders WHERE orders.tenant_id = @tenantId FOR UPDATE")]
        [InlineData("SELECT * FROM orders;", "SELECT * FROM orders WHERE orders.tenant_id = @tenantId;")]
        [InlineData("SELECT * FROM public.orders", "SELECT * FROM public.orders WHERE public.orders.tenant_id = @tenantId")]
        [InlineData("SELECT id FROM orders UNION SELECT id FROM plans", "SELECT id FROM orders WHERE orders.tenant_id = @tenantId UNION SELECT id FROM plans")]
        [InlineData("SELECT * FROM plans WHERE id IN (SELECT plan_id FROM orders)", "SELECT * FROM plans WHERE id IN (SELECT plan_id FROM orders WHERE orders.tenant_id = @tenantId)")]
        [InlineData("UPDATE orders SET total = 0", "UPDATE orders SET total = 0 WHERE orders.tenant_id = @tenantId")]
        [InlineData("UPDATE orders SET total = 0 WHERE id = @id RETURNING id", "UPDATE orders SET total = 0 WHERE id = @id AND orders.tenant_id = @tenantId RETURNING id")]
        [InlineData("UPDATE orders SET total = 0 RETURNING id", "UPDATE orders SET total = 0 WHERE orders.tenant_id = @tenantId RETURNING id")]
        [InlineData("DELETE FROM orders", "DELETE FROM orders WHERE orders.tenant_id = @tenantId")]
        [InlineData("DELETE FROM orders o WHERE o.id = @id", "DELETE FROM orders o WHERE o.id = @id AND o.tenant_id = @tenantId")]
        [InlineData("DELETE FROM orders RETURNING *", "DELETE FROM orders WHERE orders.tenant_id = @tenantId RETURNING *")]
        public void Adds_the_tenant_predicate(string sql, string expected)
        {
            Assert.Equal(expected, Fix(sql));
        }

        [Fact]
        public void Joined_table_gets_the_predicate_in_its_on_condition()
        {
            Assert.Equal(
                "SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1 WHERE o.tenant_id = $1",
                Fix("SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = $1", "$1"));
        }

        [Fact]
        public void Placeholder_is_used_as_given()
        {
            Assert.Equal("SELECT * FROM orders WHERE orders.tenant_id = current_setting('app.tenant')::uuid",
                Fix("SELECT * FROM orders", "current_setting('app.tenant')::uuid"));
        }

        [Fact]
        public void Fixed_sql_has_no_violation_left()
        {
            var fixedSql = Fix("SELECT * FROM orders WHERE a = 1 OR b = 2 ORDER BY id");
            Assert.Empty(TestSchemas.Check(fixedSql).Violations);
        }

        [Fact]
        public void Multi_line_statement_keeps_its_layout()
        {
            var sql = "SELECT id\nFROM orders\nORDER BY id";
            Assert.Equal("SELECT id\nFROM orders WHERE orders.tenant_id = @tenantId\nORDER BY id", Fix(sql));
        }

        [Fact]
        public void Second_statement_offsets_are_into_the_whole_text()
        {
            var sql = "SELECT 1; SELECT * FROM orders ORDER BY id";
            Assert.Equal("SELECT 1; SELECT * FROM orders WHERE orders.tenant_id = @tenantId ORDER BY id", Fix(sql));
        }

        [Fact]
        public void Insert_gets_the_column_and_the_value()
        {
            Assert.Equal("INSERT INTO orders (id, total, tenant_id) VALUES (@id, @total, @tenantId) RETURNING id",
                Fix("INSERT INTO orders (id, total) VALUES (@id, @total) RETURNING id"));
        }

        [Fact]
        public void Insert_with_several_rows_has_no_safe_edit()
        {
            var violation = Assert.Single(TestSchemas.Check("INSERT INTO orders (id) VALUES (1), (2)").Violations);
            Assert.Equal(ViolationKind.InsertWithoutTenantColumn, violation.Kind);
            Assert.Empty(violation.CreateTenantPredicateEdits("@t"));
        }

        [Fact]
        public void Insert_select_has_no_safe_edit()
        {
            var violation = TestSchemas.Check("INSERT INTO orders (id) SELECT id FROM plans").Violations.Single();
            Assert.Empty(violation.CreateTenantPredicateEdits("@t"));
        }

        [Fact]
        public void Where_current_of_has_no_safe_edit()
        {
            Assert.Empty(TestSchemas.Check("UPDATE orders SET a = 1 WHERE CURRENT OF c").Violations.Single().CreateTenantPredicateEdits("@t"));
        }

        [Fact]
        public void Nullable_side_of_a_right_join_has_no_safe_edit()
        {
            var violation = TestSchemas.Check("SELECT * FROM orders o RIGHT JOIN plans p ON p.id = o.plan_id").Violations.Single();
            Assert.Empty(violation.CreateTenantPredicateEdits("@t"));
        }

        [Fact]
        public void Empty_placeholder_gives_no_edit()
        {
            Assert.Empty(TestSchemas.Check("SELECT * FROM orders").Violations.Single().CreateTenantPredicateEdits(" "));
        }

        [Fact]
        public void Edits_do_not_overlap()
        {
            var edits = TestSchemas.Check("SELECT * FROM orders WHERE a OR b").Violations.Single().CreateTenantPredicateEdits("$1");
            Assert.Equal(2, edits.Count);
            Assert.True(edits[0].Start + edits[0].Length <= edits[1].Start);
        }
    }
}
