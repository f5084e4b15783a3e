namespace TenantGuard.Sql.Tests.Analysis
{
    public class SqlNameScannerTests
    {
        [Theory]
        [InlineData("CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM app.orders $$", "orders")]
        [InlineData("CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders'", "orders")]
        [InlineData("BEGIN EXECUTE 'DELETE FROM orders'; END", "orders")]
        [InlineData("BEGIN EXECUTE format('DELETE FROM orders WHERE id = %s', 1); END", "orders")]
        [InlineData("SELECT * FROM \"Orders\"", "Orders")]
        public void Names_in_code_and_in_strings_that_hold_sql_are_found(string sql, string name) =>
            Assert.Contains(name, SqlNameScanner.NamesIn(sql));

        [Theory]
        [InlineData("SELECT 'orders are versioned'")]
        [InlineData("SELECT 1 -- orders")]
        [InlineData("SELECT 1 /* orders */")]
        [InlineData("RAISE NOTICE 'no orders here'")]
        [InlineData("SELECT * FROM orders_archive")]
        public void Comments_plain_strings_and_longer_names_do_not_count(string sql) =>
            Assert.DoesNotContain("orders", SqlNameScanner.NamesIn(sql));

        [Fact]
        public void Unterminated_text_never_throws() => Assert.NotNull(SqlNameScanner.NamesIn("SELECT $$ unterminated"));
    }
}
