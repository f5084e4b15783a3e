using System;

namespace TenantGuard.Sql.Tests
{
    public class PublicTypesTests
    {
        [Theory]
        [InlineData("public.orders", "public", "orders")]
        [InlineData("orders", null, "orders")]
        [InlineData("Orders", null, "orders")]
        [InlineData("\"Orders\"", null, "Orders")]
        [InlineData("App.\"Order Items\"", "app", "Order Items")]
        [InlineData("db.public.orders", "public", "orders")]
        [InlineData(" orders ", null, "orders")]
        public void Qualified_name_parse(string text, string? schema, string name)
        {
            var parsed = QualifiedName.Parse(text);
            Assert.Equal(schema, parsed.Schema);
            Assert.Equal(name, parsed.Name);
        }

        [Fact]
        public void Qualified_name_equality_and_text()
        {
            Assert.Equal(new QualifiedName("public", "orders"), QualifiedName.Parse("PUBLIC.Orders"));
            Assert.NotEqual(new QualifiedName(null, "orders"), new QualifiedName("public", "orders"));
            Assert.Equal(new QualifiedName("a", "b").GetHashCode(), QualifiedName.Parse("a.b").GetHashCode());
            Assert.Equal("public.orders", new QualifiedName("public", "orders").ToString());
            Assert.Equal("orders", new QualifiedName(null, "orders").ToString());
        }

        [Fact]
        public void Tenant_schema_matching_rules()
        {
            var schema = new TenantSchema("Tenant_Id", new[] { QualifiedName.Parse("app.orders"), QualifiedName.Parse("customers") }, new[] { QualifiedName.Parse("countries") });
            Assert.Equal("tenant_id", schema.TenantColumn);
            Assert.True(schema.IsTenantTable(QualifiedName.Parse("app.orders")));
            Assert.True(schema.IsTenantTable(QualifiedName.Parse("orders")));
            Assert.False(schema.IsTenantTable(QualifiedName.Parse("other.orders")));
            Assert.True(schema.IsTenantTable(QualifiedName.Parse("public.customers")));
            Assert.False(schema.IsTenantTable(QualifiedName.Parse("countries")));
            Assert.False(schema.IsTenantTable(QualifiedName.Parse("plans")));
            Assert.Equal(2, schema.TenantTables.Count);
        }

        [Fact]
        public void Global_tables_are_never_tenant_owned_even_when_assuming_all()
        {
            var schema = new TenantSchema("tenant_id", new QualifiedName[0], new[] { QualifiedName.Parse("public.countries") }, true);
            Assert.True(schema.AssumeAllTablesTenantOwned);
            Assert.False(schema.IsTenantTable(QualifiedName.Parse("countries")));
            Assert.False(schema.IsTenantTable(QualifiedName.Parse("public.countries")));
            Assert.True(schema.IsTenantTable(QualifiedName.Parse("anything")));
        }

        [Fact]
        public void Empty_tenant_column_is_rejected_with_a_clear_message()
        {
            var exception = Assert.Throws<ArgumentException>(() => new TenantSchema(" ", new QualifiedName[0], new QualifiedName[0]));
            Assert.Contains("tenant column", exception.Message);
        }

        [Fact]
        public void Sql_problem_and_text_edit_expose_their_values()
        {
            var problem = new SqlProblem("Unterminated string literal", 3, 7, 42);
            Assert.Equal("(3,7): Unterminated string literal", problem.ToString());
            var edit = new SqlTextEdit(5, 0, " AND x");
            Assert.Equal(5, edit.Start);
            Assert.Equal(" AND x", edit.NewText);
        }

        [Fact]
        public void Null_sql_is_read_as_empty()
        {
            var result = TenantSqlChecker.Check(null!, TestSchemas.Shop);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
        }
    }
}
