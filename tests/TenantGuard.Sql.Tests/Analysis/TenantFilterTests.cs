using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    /// <summary>TG0002: which tenant-table references count as constrained to one tenant.</summary>
    public class TenantFilterTests
    {
        /// <summary>Unconstrained references as "table" or "table AS alias", in order.</summary>
        private static string Unfiltered(string sql, SqlCheckOptions? options = null)
        {
            var result = TestSchemas.Check(sql, options);
            Assert.True(result.IsFullyParsed, "not fully parsed: " + sql);
            return string.Join("; ", result.Violations
                .Where(v => v.Kind == ViolationKind.MissingTenantFilter)
                .Select(v => v.Alias == null ? v.Table.ToString() : v.Table + " AS " + v.Alias));
        }

        [Theory]
        [InlineData("SELECT * FROM orders WHERE tenant_id = $1")]
        [InlineData("SELECT * FROM orders WHERE $1 = tenant_id")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = @tenantId")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = :tenant")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = @t::uuid")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = CAST(@t AS uuid)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = current_setting('app.current_tenant')")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = current_setting('app.current_tenant')::uuid")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = current_setting('app.current_tenant', true)::uuid")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = NULLIF(current_setting('app.current_tenant', true), '')::uuid")]
        [InlineData("SELECT * FROM orders WHERE tenant_id IN ($1)")]
        [InlineData("SELECT * FROM orders WHERE (tenant_id = $1)")]
        [InlineData("SELECT * FROM orders WHERE id = $2 AND tenant_id = $1 AND status <> 'x'")]
        [InlineData("SELECT * FROM orders WHERE id = $2 AND (status = 'a' AND tenant_id = $1)")]
        [InlineData("SELECT * FROM orders o WHERE o.tenant_id = $1")]
        [InlineData("SELECT * FROM orders AS o WHERE o.tenant_id = $1")]
        [InlineData("SELECT * FROM orders WHERE orders.tenant_id = $1")]
        [InlineData("SELECT * FROM public.orders WHERE public.orders.tenant_id = $1")]
        [InlineData("SELECT * FROM app.invoices i WHERE i.tenant_id = $1")]
        [InlineData("SELECT * FROM orders WHERE \"tenant_id\" = $1")]
        [InlineData("SELECT * FROM orders WHERE TENANT_ID = $1")]
        [InlineData("SELECT * FROM countries")]
        [InlineData("SELECT * FROM plans p JOIN orders o ON o.plan_id = p.id AND o.tenant_id = $1")]
        [InlineData("SELECT * FROM orders o WHERE (o.tenant_id, o.id) = ($1, $2)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = (SELECT current_setting('app.current_tenant')::uuid)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = (SELECT @t)")]
        public void Counts_as_a_tenant_filter(string sql)
        {
            Assert.Equal(string.Empty, Unfiltered(sql));
        }

        [Fact]
        public void Interpolation_hole_counts_as_a_placeholder()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders WHERE tenant_id = {0}", new SqlCheckOptions { InterpolationHoles = true }));
        }

        [Theory]
        [InlineData("SELECT * FROM orders")]
        [InlineData("SELECT * FROM orders WHERE id = $1")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = $1 OR id = $2")]
        [InlineData("SELECT * FROM orders WHERE (tenant_id = $1 OR is_public)")]
        [InlineData("SELECT * FROM orders WHERE NOT tenant_id = $1")]
        [InlineData("SELECT * FROM orders WHERE tenant_id IS NOT NULL")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = tenant_id")]
        [InlineData("SELECT * FROM orders WHERE tenant_id <> @t")]
        [InlineData("SELECT * FROM orders WHERE tenant_id != @t")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = ANY(@ids)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id IN ($1, $2)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id NOT IN ($1)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = 'acme'")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = other_column")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = $1 IS NOT FALSE")]
        [InlineData("SELECT * FROM orders WHERE CASE WHEN x THEN tenant_id = $1 END")]
        [InlineData("SELECT * FROM orders WHERE id = $1 -- AND tenant_id = $2")]
        [InlineData("SELECT * FROM orders WHERE id = $1 /* AND tenant_id = $2 */")]
        [InlineData("SELECT * FROM orders WHERE note = 'tenant_id = $1'")]
        [InlineData("SELECT * FROM orders WHERE note = $$ AND tenant_id = $1 $$")]
        [InlineData("SELECT * FROM orders WHERE tenant_id::text LIKE @t")]
        [InlineData("SELECT * FROM orders WHERE (id, tenant_id) = ($1, other)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = (SELECT tenant_id FROM plans WHERE id = $1)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id IN (SELECT tenant_id FROM memberships WHERE user_id = $1)")]
        [InlineData("SELECT * FROM orders WHERE tenant_id = $1 -- unterminated? no: comment\n OR true")]
        public void Does_not_count_as_a_tenant_filter(string sql)
        {
            Assert.Equal("orders", Unfiltered(sql));
        }

        [Fact]
        public void Schema_qualified_tenant_table_matches_an_unqualified_declaration()
        {
            Assert.Equal("public.orders", Unfiltered("SELECT * FROM public.orders"));
        }

        [Fact]
        public void Unqualified_reference_matches_a_schema_qualified_declaration()
        {
            Assert.Equal("invoices AS i", Unfiltered("SELECT * FROM invoices i"));
        }

        [Fact]
        public void Other_schema_does_not_match_a_qualified_declaration()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM archive.invoices"));
        }

        [Fact]
        public void Filter_on_the_wrong_alias_does_not_count()
        {
            Assert.Equal("orders AS o", Unfiltered("SELECT * FROM orders o JOIN plans p ON p.id = o.plan_id WHERE p.tenant_id = $1"));
        }

        [Fact]
        public void Each_joined_tenant_table_needs_its_own_filter()
        {
            Assert.Equal("customers AS c", Unfiltered("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Join_on_filter_counts()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1 WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Transitive_equality_through_the_join_counts()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = o.tenant_id WHERE o.tenant_id = @t"));
        }

        [Fact]
        public void Transitive_equality_over_three_tables_counts()
        {
            Assert.Equal(string.Empty, Unfiltered(
                "SELECT * FROM order_items i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id " +
                "WHERE c.tenant_id = o.tenant_id AND o.tenant_id = i.tenant_id AND i.tenant_id = $1"));
        }

        [Fact]
        public void Equality_between_unfiltered_tables_is_not_enough()
        {
            Assert.Equal("orders AS o; customers AS c", Unfiltered("SELECT * FROM orders o JOIN customers c ON c.tenant_id = o.tenant_id"));
        }

        [Fact]
        public void Equality_under_or_does_not_carry()
        {
            Assert.Equal("customers AS c", Unfiltered("SELECT * FROM orders o, customers c WHERE o.tenant_id = $1 AND (c.tenant_id = o.tenant_id OR c.public)"));
        }

        [Fact]
        public void Join_using_the_tenant_column_carries_the_filter()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o JOIN order_items i USING (tenant_id, order_id) WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Join_using_other_columns_does_not_carry_the_filter()
        {
            Assert.Equal("order_items AS i", Unfiltered("SELECT * FROM orders o JOIN order_items i USING (order_id) WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Natural_join_carries_the_filter()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o NATURAL JOIN order_items i WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Quoted_tenant_column_of_an_orm_schema()
        {
            var schema = new TenantSchema("\"TenantId\"", new[] { QualifiedName.Parse("\"Orders\"") }, new QualifiedName[0]);
            Assert.Empty(TenantSqlChecker.Check("SELECT o.\"Id\" FROM \"Orders\" AS o WHERE o.\"TenantId\" = @__tenantId_0", schema).Violations);
            Assert.Single(TenantSqlChecker.Check("SELECT o.\"Id\" FROM \"Orders\" AS o WHERE o.tenantid = @__tenantId_0", schema).Violations);
            Assert.Empty(TenantSqlChecker.Check("SELECT * FROM orders", schema).Violations);
        }

        [Fact]
        public void Dapper_list_expansion_is_read()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders WHERE id IN @ids AND tenant_id = @tenantId"));
        }

        [Fact]
        public void Grouping_sets_are_read()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT status, count(*) FROM orders WHERE tenant_id = $1 GROUP BY GROUPING SETS ((status), ())"));
        }

        [Fact]
        public void Unparsed_merge_still_names_its_tenant_tables()
        {
            var result = TestSchemas.Check("MERGE INTO orders o USING customers c ON c.id = o.customer_id WHEN MATCHED THEN DELETE");
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
            Assert.Equal(new[] { "orders", "customers" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Unreadable_statement_still_names_its_tenant_tables()
        {
            var result = TestSchemas.Check("SELECT * FROM public.orders WHERE WHERE");
            Assert.False(result.IsFullyParsed);
            Assert.Equal(new[] { "public.orders" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Comma_join_with_where_filters()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o, customers c WHERE o.tenant_id = $1 AND c.tenant_id = $1 AND c.id = o.customer_id"));
        }

        [Fact]
        public void Unqualified_tenant_column_with_one_tenant_table_applies_to_it()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders o JOIN countries c ON c.code = o.country WHERE tenant_id = $1"));
        }

        [Fact]
        public void Unqualified_tenant_column_with_two_tenant_tables_is_ambiguous()
        {
            Assert.Equal("orders AS o; customers AS c", Unfiltered("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE tenant_id = $1"));
        }

        [Fact]
        public void Subquery_in_where_needs_its_own_filter()
        {
            Assert.Equal("customers", Unfiltered("SELECT * FROM orders WHERE tenant_id = $1 AND customer_id IN (SELECT id FROM customers WHERE vip)"));
        }

        [Fact]
        public void Filtered_subquery_in_where_passes()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM orders WHERE tenant_id = $1 AND customer_id IN (SELECT id FROM customers WHERE vip AND tenant_id = $1)"));
        }

        [Fact]
        public void Correlated_subquery_equated_to_a_constrained_outer_reference_passes()
        {
            Assert.Equal(string.Empty, Unfiltered(
                "SELECT * FROM orders o WHERE o.tenant_id = $1 AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.tenant_id = o.tenant_id)"));
        }

        [Fact]
        public void Correlated_subquery_equated_to_an_unconstrained_outer_reference_fails()
        {
            Assert.Equal("orders AS o; order_items AS i", Unfiltered(
                "SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM order_items i WHERE i.tenant_id = o.tenant_id)"));
        }

        [Fact]
        public void Filter_on_outer_table_inside_subquery_does_not_filter_the_outer_table()
        {
            Assert.Equal("orders AS o", Unfiltered(
                "SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM countries c WHERE o.tenant_id = $1)"));
        }

        [Fact]
        public void Unqualified_column_in_subquery_without_tenant_tables_refers_to_the_outer_block()
        {
            Assert.Equal("orders AS o", Unfiltered(
                "SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM countries c WHERE c.code = o.country AND tenant_id = $1)"));
        }

        [Fact]
        public void Correlated_equality_under_or_does_not_carry()
        {
            Assert.Equal("order_items AS i", Unfiltered(
                "SELECT * FROM orders o WHERE o.tenant_id = $1 AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.tenant_id = o.tenant_id OR true)"));
        }

        [Fact]
        public void Scalar_subquery_in_select_list_is_checked()
        {
            Assert.Equal("order_items", Unfiltered("SELECT o.id, (SELECT count(*) FROM order_items WHERE order_id = o.id) FROM orders o WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Derived_table_in_from_is_checked()
        {
            Assert.Equal("orders", Unfiltered("SELECT * FROM (SELECT * FROM orders) AS x WHERE x.total > 10"));
        }

        [Fact]
        public void Lateral_subquery_can_use_the_outer_filter()
        {
            Assert.Equal(string.Empty, Unfiltered(
                "SELECT * FROM orders o, LATERAL (SELECT * FROM order_items i WHERE i.order_id = o.id AND i.tenant_id = o.tenant_id) x WHERE o.tenant_id = $1"));
        }

        [Fact]
        public void Cte_body_is_checked()
        {
            Assert.Equal("orders", Unfiltered("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT * FROM recent"));
        }

        [Fact]
        public void Cte_name_shadows_a_tenant_table()
        {
            Assert.Equal(string.Empty, Unfiltered("WITH orders AS (SELECT * FROM plans) SELECT * FROM orders"));
        }

        [Fact]
        public void Cte_shadowing_does_not_hide_the_schema_qualified_table()
        {
            Assert.Equal("public.orders", Unfiltered("WITH orders AS (SELECT 1) SELECT * FROM public.orders"));
        }

        [Fact]
        public void Recursive_cte_checks_both_arms()
        {
            Assert.Equal("customers AS c", Unfiltered(
                "WITH RECURSIVE tree AS (SELECT id, parent_id FROM customers WHERE tenant_id = $1 AND parent_id IS NULL " +
                "UNION ALL SELECT c.id, c.parent_id FROM customers c JOIN tree t ON c.parent_id = t.id) SELECT * FROM tree"));
        }

        [Fact]
        public void Data_modifying_cte_is_checked()
        {
            Assert.Equal("orders", Unfiltered("WITH gone AS (DELETE FROM orders WHERE created_at < $1 RETURNING id) SELECT count(*) FROM gone"));
        }

        [Fact]
        public void Every_union_arm_is_checked()
        {
            Assert.Equal("customers", Unfiltered("SELECT id FROM orders WHERE tenant_id = $1 UNION SELECT id FROM customers"));
        }

        [Fact]
        public void Intersect_and_except_arms_are_checked()
        {
            Assert.Equal("orders; customers", Unfiltered("SELECT id FROM orders INTERSECT SELECT id FROM customers EXCEPT SELECT id FROM plans"));
        }

        [Fact]
        public void Every_statement_of_a_multi_statement_string_is_checked()
        {
            var result = TestSchemas.Check("SELECT * FROM orders WHERE tenant_id = $1; SELECT * FROM customers; DELETE FROM orders");
            Assert.Equal(new[] { "customers", "orders" }, result.Violations.Select(v => v.Table.ToString()));
            Assert.Equal(new[] { "SELECT", "DELETE" }, result.Violations.Select(v => v.StatementKind));
        }

        [Fact]
        public void Update_needs_a_filter()
        {
            Assert.Equal("orders", Unfiltered("UPDATE orders SET status = 'x' WHERE id = $1"));
            Assert.Equal(string.Empty, Unfiltered("UPDATE orders SET status = 'x' WHERE id = $1 AND tenant_id = $2"));
        }

        [Fact]
        public void Update_from_checks_both_tables()
        {
            Assert.Equal("customers AS c", Unfiltered("UPDATE orders o SET total = 0 FROM customers c WHERE c.id = o.customer_id AND o.tenant_id = $1"));
            Assert.Equal(string.Empty, Unfiltered("UPDATE orders o SET total = 0 FROM customers c WHERE c.id = o.customer_id AND o.tenant_id = $1 AND c.tenant_id = o.tenant_id"));
        }

        [Fact]
        public void Update_with_returning_is_checked()
        {
            Assert.Equal("orders", Unfiltered("UPDATE orders SET total = total + 1 RETURNING id, tenant_id"));
        }

        [Fact]
        public void Update_subquery_in_set_is_checked()
        {
            Assert.Equal("order_items", Unfiltered("UPDATE orders SET total = (SELECT sum(price) FROM order_items WHERE order_id = orders.id) WHERE tenant_id = $1"));
        }

        [Fact]
        public void Delete_needs_a_filter()
        {
            Assert.Equal("orders", Unfiltered("DELETE FROM orders WHERE id = $1"));
            Assert.Equal(string.Empty, Unfiltered("DELETE FROM orders WHERE id = $1 AND tenant_id = $2 RETURNING *"));
        }

        [Fact]
        public void Delete_using_checks_both_tables()
        {
            Assert.Equal("customers AS c", Unfiltered("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND o.tenant_id = @t"));
        }

        [Fact]
        public void Where_current_of_is_unfiltered()
        {
            Assert.Equal("orders", Unfiltered("DELETE FROM orders WHERE CURRENT OF c"));
        }

        [Fact]
        public void Insert_select_source_is_checked()
        {
            var result = TestSchemas.Check("INSERT INTO orders (tenant_id, id) SELECT tenant_id, id FROM customers");
            var violation = Assert.Single(result.Violations);
            Assert.Equal("customers", violation.Table.ToString());
            Assert.Equal("INSERT", violation.StatementKind);
        }

        [Fact]
        public void Select_for_update_is_checked()
        {
            Assert.Equal("orders", Unfiltered("SELECT * FROM orders WHERE id = $1 FOR UPDATE"));
        }

        [Fact]
        public void Table_shorthand_is_unfiltered()
        {
            Assert.Equal("orders", Unfiltered("TABLE orders"));
        }

        [Fact]
        public void Vector_search_without_tenant_filter_is_reported()
        {
            Assert.Equal("embeddings", Unfiltered("SELECT id FROM embeddings ORDER BY embedding <-> $1 LIMIT $2"));
        }

        [Fact]
        public void Function_in_from_is_not_a_table()
        {
            Assert.Equal(string.Empty, Unfiltered("SELECT * FROM generate_series(1, 10) g, unnest(@ids) AS u(id)"));
        }

        [Fact]
        public void Tenant_tables_referenced_are_distinct_and_in_order()
        {
            var result = TestSchemas.Check("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id JOIN countries x ON true WHERE c.tenant_id = $1 AND o.tenant_id = $1; SELECT * FROM orders WHERE tenant_id = $1");
            Assert.Equal(new[] { "customers", "orders" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Tenant_tables_referenced_includes_insert_targets_but_not_cte_names()
        {
            var result = TestSchemas.Check("WITH customers AS (SELECT 1 AS id) INSERT INTO orders SELECT * FROM customers");
            Assert.Equal(new[] { "orders" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Unparsed_statement_reports_nothing_but_others_are_checked()
        {
            var result = TestSchemas.Check("SELECT FROM orders WHERE WHERE; SELECT * FROM customers");
            Assert.False(result.IsFullyParsed);
            Assert.Equal("customers", Assert.Single(result.Violations).Table.ToString());
        }

        [Fact]
        public void Other_statements_are_skipped_cleanly()
        {
            var result = TestSchemas.Check("CREATE POLICY p ON orders USING (true); GRANT SELECT ON orders TO app; CREATE INDEX i ON orders (tenant_id)");
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
        }

        [Fact]
        public void Assume_all_tables_tenant_owned_except_globals()
        {
            var schema = new TenantSchema("tenant_id", new QualifiedName[0], new[] { QualifiedName.Parse("countries") }, assumeAllTablesTenantOwned: true);
            var result = TenantSqlChecker.Check("SELECT * FROM anything a JOIN countries c ON c.code = a.country", schema);
            Assert.Equal("anything", Assert.Single(result.Violations).Table.ToString());
        }

        [Fact]
        public void Custom_tenant_column()
        {
            var schema = new TenantSchema("team_id", new[] { QualifiedName.Parse("clients") }, new QualifiedName[0]);
            Assert.Empty(TenantSqlChecker.Check("SELECT * FROM clients WHERE team_id = $1", schema).Violations);
            Assert.Single(TenantSqlChecker.Check("SELECT * FROM clients WHERE tenant_id = $1", schema).Violations);
        }

        [Fact]
        public void Violation_carries_statement_text_and_span()
        {
            var sql = "SELECT 1;\n  SELECT   *\n  FROM orders  ";
            var violation = Assert.Single(TestSchemas.Check(sql).Violations);
            Assert.Equal("SELECT * FROM orders", violation.StatementText);
            Assert.Equal(12, violation.StatementStart);
            Assert.Equal("SELECT   *\n  FROM orders", sql.Substring(violation.StatementStart, violation.StatementLength));
        }

        [Fact]
        public void Long_statement_text_is_cut_at_120_characters()
        {
            var sql = "SELECT " + string.Join(", ", Enumerable.Range(1, 60).Select(i => "column_" + i)) + " FROM orders";
            var text = Assert.Single(TestSchemas.Check(sql).Violations).StatementText;
            Assert.Equal(120, text.Length);
            Assert.EndsWith("…", text);
        }
    }
}
