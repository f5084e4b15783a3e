using System;
using System.Linq;

namespace TenantGuard.Sql.Tests.Parsing
{
    public class SqlScriptTests
    {
        [Fact]
        public void Splits_on_semicolons_and_keeps_each_statement_offset_and_line()
        {
            const string script = "CREATE TABLE a (id int);\n  CREATE TABLE b (id int);";

            var statements = SqlScript.Read(script).Statements;

            Assert.Equal(new[] { "CREATE TABLE a (id int)", "CREATE TABLE b (id int)" }, statements.Select(s => s.Text));
            Assert.Equal(script.IndexOf("CREATE TABLE b", StringComparison.Ordinal), statements[1].Offset);
            Assert.Equal(2, statements[1].Line);
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
            var statements = SqlScript.Read(statement + ";\nSELECT 2;").Statements;

            Assert.Equal(2, statements.Count);
            Assert.Equal(statement, statements[0].Text);
        }

        [Fact]
        public void Positional_parameters_are_not_dollar_quotes()
        {
            Assert.Equal(2, SqlScript.Read("PREPARE p AS SELECT $1; SELECT 2;").Statements.Count);
        }

        [Fact]
        public void Comments_and_blank_text_make_no_statement()
        {
            Assert.Empty(SqlScript.Read("-- only a comment;\n/* and; another */\n\n").Statements);
        }

        [Fact]
        public void Backslash_lines_are_meta_commands_with_their_offset()
        {
            const string script = "SELECT 1;\n\\echo done\n  \\i other.sql\nSELECT 2;";

            var result = SqlScript.Read(script);

            Assert.Equal(new[] { @"\echo", @"\i" }, result.MetaCommands.Select(m => m.Name));
            Assert.Equal(script.IndexOf(@"\i", StringComparison.Ordinal), result.MetaCommands[1].Offset);
            Assert.Equal(3, result.MetaCommands[1].Line);
            Assert.Equal(new[] { "SELECT 1", "SELECT 2" }, result.Statements.Select(s => s.Text));
        }

        [Fact]
        public void A_backslash_inside_a_line_is_not_a_meta_command()
        {
            var result = SqlScript.Read("SELECT E'a\\\\b', 1;");

            Assert.Empty(result.MetaCommands);
            Assert.Single(result.Statements);
        }

        [Fact]
        public void A_last_statement_without_semicolon_is_kept()
        {
            Assert.Equal("SELECT 2", SqlScript.Read("SELECT 1;\nSELECT 2\n").Statements[1].Text);
        }

        [Fact]
        public void Words_are_the_tokens_as_the_server_reads_them()
        {
            var statement = SqlScript.Read("Create Role \"App\" WITH LOGIN PASSWORD 'it''s'").Statements[0];

            Assert.True(statement.StartsWith("create", "role"));
            Assert.Equal(SqlWordKind.QuotedIdentifier, statement.Words[2].Kind);
            Assert.Equal("App", statement.Words[2].Value);
            Assert.Equal("'it''s'", statement.Words[^1].Text);
            Assert.Equal("it's", statement.Words[^1].Value);
            Assert.True(statement.Contains("login"));
        }

        [Fact]
        public void Unterminated_text_is_a_problem_never_an_exception()
        {
            var result = SqlScript.Read("SELECT 'open");

            Assert.NotEmpty(result.Problems);
        }
    }
}
