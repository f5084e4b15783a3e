namespace TenantGuard.Sql.Tests.Reading
{
    public class SqlFunctionBodyReaderTests
    {
        [Theory]
        [InlineData(" SELECT nullif(current_setting('app.tenant_id', true), '')::uuid ", "nullif(current_setting('app.tenant_id', true), '')::uuid")]
        [InlineData("select exists(select 1 from account_user wu where wu.account_id = $1)", "exists(select 1 from account_user wu where wu.account_id = $1)")]
        [InlineData("SET LOCAL x = 1; SELECT 2 AS two;", "2")]
        [InlineData("RETURN current_setting('app.tenant_id')::uuid", "current_setting('app.tenant_id')::uuid")]
        [InlineData("BEGIN ATOMIC\n SELECT (a = b);\nEND", "(a = b)")]
        [InlineData("BEGIN ATOMIC SELECT 1; RETURN CASE WHEN true THEN 2 END; END;", "CASE WHEN true THEN 2 END")]
        public void Sql_bodies_return_their_last_select_expression(string body, string expected)
        {
            var read = SqlFunctionBodyReader.Read(body, "sql");

            Assert.True(read.IsReadable, read.Problem);
            Assert.Equal(expected, read.TextOf(read.Expression!));
        }

        [Fact]
        public void A_select_with_from_and_where_keeps_its_query()
        {
            var read = SqlFunctionBodyReader.Read("SELECT account_id FROM account_user WHERE user_id = auth.uid()", "sql");

            Assert.Equal("account_id", read.TextOf(read.Expression!));
            Assert.NotNull(read.Query);
            Assert.Equal("user_id = auth.uid()", read.TextOf(read.Query!.Where!));
        }

        [Theory]
        [InlineData("\nBEGIN\n  RETURN EXISTS (SELECT 1 FROM members WHERE account_id = $1);\nEND;\n", "EXISTS (SELECT 1 FROM members WHERE account_id = $1)")]
        [InlineData("DECLARE\n  v int := 1;\nBEGIN\n  RETURN v > 0;\nEND", "v > 0")]
        [InlineData("<<outer>> BEGIN RETURN true; END outer;", "true")]
        public void Plpgsql_bodies_that_only_return_are_read(string body, string expected)
        {
            var read = SqlFunctionBodyReader.Read(body, "plpgsql");

            Assert.True(read.IsReadable, read.Problem);
            Assert.Equal(expected, read.TextOf(read.Expression!));
            Assert.Null(read.Query);
        }

        [Theory]
        [InlineData("BEGIN IF current_setting('app.admin') = 'on' THEN RETURN true; END IF; RETURN false; END", "plpgsql")]
        [InlineData("BEGIN PERFORM 1; RETURN true; END", "plpgsql")]
        [InlineData("BEGIN RETURN QUERY SELECT 1; END", "plpgsql")]
        [InlineData("BEGIN RETURN true; EXCEPTION WHEN others THEN RETURN false; END", "plpgsql")]
        [InlineData("RETURN 1", "plpgsql")]
        [InlineData("SELECT a, b FROM t", "sql")]
        [InlineData("SELECT 1 UNION SELECT 2", "sql")]
        [InlineData("INSERT INTO t VALUES (1)", "sql")]
        [InlineData("", "sql")]
        [InlineData("'unterminated", "sql")]
        [InlineData("pg_finfo_x", "c")]
        public void Anything_more_is_unreadable_with_a_reason(string body, string language)
        {
            var read = SqlFunctionBodyReader.Read(body, language);

            Assert.False(read.IsReadable);
            Assert.Null(read.Expression);
            Assert.False(string.IsNullOrEmpty(read.Problem));
        }
    }
}
