namespace TenantGuard.Sql.Tests.Reading
{
    /// <summary>quote_ident and quote_literal behaviour; the whole keyword table is checked against a real server in the harness tests.</summary>
    public class SqlQuotingTests
    {
        [Theory]
        [InlineData("tenant_id", "tenant_id")]
        [InlineData("_x1", "_x1")]
        [InlineData("Tenant", "\"Tenant\"")]
        [InlineData("1abc", "\"1abc\"")]
        [InlineData("a b", "\"a b\"")]
        [InlineData("a\"b", "\"a\"\"b\"")]
        [InlineData("a$b", "\"a$b\"")]
        [InlineData("é", "\"é\"")]
        [InlineData("", "\"\"")]
        [InlineData("user", "\"user\"")]
        [InlineData("window", "\"window\"")]
        [InlineData("current_date", "\"current_date\"")]
        [InlineData("left", "\"left\"")]
        [InlineData("between", "\"between\"")]
        [InlineData("time", "\"time\"")]
        [InlineData("name", "name")]
        [InlineData("admin", "admin")]
        [InlineData("action", "action")]
        public void Identifiers_are_quoted_like_quote_ident(string name, string expected)
        {
            Assert.Equal(expected, SqlQuoting.QuoteIdentifier(name));
        }

        [Theory]
        [InlineData("app.tenant_id", "'app.tenant_id'")]
        [InlineData("it's", "'it''s'")]
        [InlineData("a\\b", "E'a\\\\b'")]
        [InlineData("", "''")]
        public void Literals_are_quoted_like_quote_literal(string value, string expected)
        {
            Assert.Equal(expected, SqlQuoting.QuoteLiteral(value));
        }

        [Fact]
        public void Qualified_names_quote_each_part()
        {
            Assert.Equal("public.\"Order\"", SqlQuoting.QuoteQualifiedName("public", "Order"));
        }
    }
}
