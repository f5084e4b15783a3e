using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    /// <summary>INSERT into a tenant table must name the tenant column.</summary>
    public class InsertTests
    {
        private static ViolationKind[] Kinds(string sql)
        {
            var result = TestSchemas.Check(sql);
            Assert.True(result.IsFullyParsed, sql);
            return result.Violations.Select(v => v.Kind).ToArray();
        }

        [Theory]
        [InlineData("INSERT INTO orders (id, tenant_id) VALUES ($1, $2)")]
        [InlineData("INSERT INTO orders (tenant_id, id) VALUES ($1, $2), ($1, $3)")]
        [InlineData("INSERT INTO orders VALUES ($1, $2)")]
        [InlineData("INSERT INTO orders DEFAULT VALUES")]
        [InlineData("INSERT INTO plans (id) VALUES (1)")]
        [InlineData("INSERT INTO orders AS o (id, tenant_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total WHERE o.total < EXCLUDED.total")]
        [InlineData("INSERT INTO orders (id, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id")]
        [InlineData("INSERT INTO orders (id, \"tenant_id\") VALUES ($1, $2)")]
        [InlineData("INSERT INTO orders (id, tenant_id) SELECT id, tenant_id FROM customers WHERE tenant_id = $1")]
        public void Accepted(string sql)
        {
            Assert.Empty(Kinds(sql));
        }

        [Theory]
        [InlineData("INSERT INTO orders (id, total) VALUES ($1, $2)")]
        [InlineData("INSERT INTO public.orders (id) VALUES ($1)")]
        [InlineData("INSERT INTO orders (id) VALUES ($1) ON CONFLICT (id) DO NOTHING")]
        [InlineData("INSERT INTO orders (id) VALUES ($1) RETURNING tenant_id")]
        [InlineData("INSERT INTO orders (id, \"Tenant_Id\") VALUES ($1, $2)")]
        [InlineData("WITH src AS (SELECT 1 AS id) INSERT INTO orders (id) SELECT id FROM src")]
        public void Missing_tenant_column(string sql)
        {
            Assert.Equal(new[] { ViolationKind.InsertWithoutTenantColumn }, Kinds(sql));
        }

        [Fact]
        public void Insert_violation_names_the_table_and_statement()
        {
            var violation = Assert.Single(TestSchemas.Check("INSERT INTO orders o (id) VALUES (1)".Replace(" o ", " AS o ")).Violations);
            Assert.Equal("orders", violation.Table.ToString());
            Assert.Equal("o", violation.Alias);
            Assert.Equal("INSERT", violation.StatementKind);
        }

        [Fact]
        public void On_conflict_update_subquery_is_checked()
        {
            var result = TestSchemas.Check("INSERT INTO orders (id, tenant_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET total = (SELECT max(total) FROM orders)");
            Assert.Equal(new[] { ViolationKind.MissingTenantFilter }, result.Violations.Select(v => v.Kind));
        }

        [Fact]
        public void Data_modifying_cte_insert_is_checked()
        {
            var result = TestSchemas.Check("WITH n AS (INSERT INTO orders (id) VALUES (1) RETURNING id) SELECT * FROM n");
            Assert.Equal("INSERT", Assert.Single(result.Violations).Kind == ViolationKind.InsertWithoutTenantColumn ? "INSERT" : "?");
            Assert.Equal("SELECT", result.Violations[0].StatementKind);
        }
    }
}
