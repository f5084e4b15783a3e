using TenantGuard.Harness.Migrations;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class SqlScriptSplitterTests
{
    [Fact]
    public void Splits_on_semicolons_and_keeps_each_statement_offset()
    {
        const string script = "CREATE TABLE a (id int);\n  CREATE TABLE b (id int);";

        var statements = SqlScriptSplitter.Split(script).Statements;

        Assert.Equal(["CREATE TABLE a (id int)", "CREATE TABLE b (id int)"], statements.Select(s => s.Text));
        Assert.Equal(script.IndexOf("CREATE TABLE b", StringComparison.Ordinal), statements[1].Offset);
    }

    [Theory]
    [InlineData("SELECT 'a;b'")]
    [InlineData("SELECT E'it\\'s; fine'")]
    [InlineData("SELECT 'it''s; fine'")]
    [InlineData("SELECT 1 AS \"odd;name\"")]
    [InlineData("SELECT 1 -- trailing; comment\n + 1")]
    [InlineData("SELECT 1 /* block; /* nested; */ still */ + 1")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$")]
    [InlineData("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; SELECT 2; END")]
    public void Semicolons_inside_literals_comments_and_bodies_do_not_split(string statement)
    {
        var statements = SqlScriptSplitter.Split(statement + ";\nSELECT 2;").Statements;

        Assert.Equal(2, statements.Count);
        Assert.Equal(statement, statements[0].Text);
    }

    [Fact]
    public void Positional_parameters_are_not_dollar_quotes()
    {
        var statements = SqlScriptSplitter.Split("PREPARE p AS SELECT $1; SELECT 2;").Statements;

        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void Comments_and_blank_text_make_no_statement()
    {
        var result = SqlScriptSplitter.Split("-- only a comment;\n/* and; another */\n\n");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Backslash_lines_are_meta_commands_with_their_offset()
    {
        const string script = "SELECT 1;\n\\echo done\n  \\i other.sql\nSELECT 2;";

        var result = SqlScriptSplitter.Split(script);

        Assert.Equal([@"\echo", @"\i"], result.MetaCommands.Select(m => m.Name));
        Assert.Equal(script.IndexOf(@"\i", StringComparison.Ordinal), result.MetaCommands[1].Offset);
        Assert.Equal(["SELECT 1", "SELECT 2"], result.Statements.Select(s => s.Text));
    }

    [Fact]
    public void A_last_statement_without_semicolon_is_kept()
    {
        var statements = SqlScriptSplitter.Split("SELECT 1;\nSELECT 2\n").Statements;

        Assert.Equal("SELECT 2", statements[1].Text);
    }

    [Theory]
    [InlineData("BEGIN", "TransactionControl")]
    [InlineData("commit", "TransactionControl")]
    [InlineData("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", "TransactionControl")]
    [InlineData("ROLLBACK", "Rollback")]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (a)", "NonTransactional")]
    [InlineData("create unique index concurrently i on t (a)", "NonTransactional")]
    [InlineData("VACUUM ANALYZE t", "NonTransactional")]
    [InlineData("ALTER SYSTEM SET work_mem = '8MB'", "NonTransactional")]
    [InlineData("CREATE DATABASE other", "NonTransactional")]
    [InlineData("CREATE ROLE app_user NOLOGIN", "CreateRole")]
    [InlineData("CREATE USER app_user", "CreateRole")]
    [InlineData("CREATE USER MAPPING FOR app_user SERVER s", "Ordinary")]
    [InlineData("COPY t (a) FROM stdin", "CopyFromStdin")]
    [InlineData("CREATE INDEX i ON t (a)", "Ordinary")]
    [InlineData("BEGIN ATOMIC", "Ordinary")]
    public void Classifies_what_the_runner_must_treat_specially(string statement, string expected)
    {
        Assert.Equal(Enum.Parse<StatementKind>(expected), StatementClassifier.Classify(statement));
    }
}
