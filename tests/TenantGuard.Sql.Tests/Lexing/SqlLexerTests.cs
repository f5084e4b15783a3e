using System.Collections.Generic;
using System.Linq;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Tests.Lexing
{
    public class SqlLexerTests
    {
        private static List<SqlToken> Lex(string text, bool holes = false) => Lex(text, holes, out _);

        private static List<SqlToken> Lex(string text, bool holes, out List<SqlProblem> problems)
        {
            problems = new List<SqlProblem>();
            var tokens = SqlLexer.Tokenize(text, holes, problems);
            Assert.Equal(SqlTokenKind.EndOfInput, tokens[tokens.Count - 1].Kind);
            tokens.RemoveAt(tokens.Count - 1);
            return tokens;
        }

        private static string Kinds(string text, bool holes = false) => string.Join(" ", Lex(text, holes).Select(t => t.Kind));

        [Fact]
        public void Line_comments_are_dropped()
        {
            var tokens = Lex("SELECT 1 -- tenant_id = $1\n, 2");
            Assert.Equal(new[] { "select", "1", ",", "2" }, tokens.Select(t => t.Value));
        }

        [Fact]
        public void Nested_block_comments_are_one_comment()
        {
            var tokens = Lex("SELECT /* outer /* inner */ still comment tenant_id = $1 */ x");
            Assert.Equal(new[] { "select", "x" }, tokens.Select(t => t.Value));
        }

        [Fact]
        public void Unquoted_identifiers_fold_to_lower_case()
        {
            var token = Lex("Orders").Single();
            Assert.Equal(SqlTokenKind.Identifier, token.Kind);
            Assert.Equal("orders", token.Value);
        }

        [Fact]
        public void Quoted_identifiers_keep_case_and_unescape_doubled_quotes()
        {
            var token = Lex("\"My \"\"Orders\"\"\"").Single();
            Assert.Equal(SqlTokenKind.QuotedIdentifier, token.Kind);
            Assert.Equal("My \"Orders\"", token.Value);
        }

        [Fact]
        public void Unicode_quoted_identifier_is_an_identifier()
        {
            var token = Lex("U&\"d\\0061t\"").Single();
            Assert.Equal(SqlTokenKind.QuotedIdentifier, token.Kind);
        }

        [Fact]
        public void Identifiers_may_contain_dollar_signs()
        {
            var token = Lex("a$b").Single();
            Assert.Equal("a$b", token.Value);
        }

        [Fact]
        public void Standard_strings_unescape_doubled_quotes_but_not_backslashes()
        {
            var token = Lex("'it''s \\n'").Single();
            Assert.Equal(SqlTokenKind.String, token.Kind);
            Assert.Equal("it's \\n", token.Value);
        }

        [Fact]
        public void Escape_strings_resolve_backslash_escapes()
        {
            var token = Lex("E'it\\'s\\n\\\\'").Single();
            Assert.Equal(SqlTokenKind.EscapeString, token.Kind);
            Assert.Equal("it's\n\\", token.Value);
        }

        [Theory]
        [InlineData("B'1010'", "BitString", "1010")]
        [InlineData("X'1F'", "HexString", "1F")]
        [InlineData("N'text'", "NationalString", "text")]
        [InlineData("U&'d\\0061t'", "UnicodeString", "d\\0061t")]
        public void Prefixed_strings_have_their_own_kind(string text, string kind, string value)
        {
            var token = Lex(text).Single();
            Assert.Equal(kind, token.Kind.ToString());
            Assert.Equal(value, token.Value);
        }

        [Fact]
        public void Dollar_quoted_string_is_one_token()
        {
            var token = Lex("$$ it's; tenant_id = $1 $$").Single();
            Assert.Equal(SqlTokenKind.DollarString, token.Kind);
            Assert.Equal(" it's; tenant_id = $1 ", token.Value);
        }

        [Fact]
        public void Tagged_dollar_quote_ignores_other_tags_inside()
        {
            var token = Lex("$fn$ BEGIN $$inner$$; END $fn$").Single();
            Assert.Equal(SqlTokenKind.DollarString, token.Kind);
            Assert.Equal(" BEGIN $$inner$$; END ", token.Value);
        }

        [Fact]
        public void Positional_parameters_are_placeholders()
        {
            var tokens = Lex("$1 + $12");
            Assert.Equal(SqlTokenKind.PositionalParameter, tokens[0].Kind);
            Assert.Equal("$12", tokens[2].Value);
        }

        [Fact]
        public void At_name_is_a_named_placeholder()
        {
            var tokens = Lex("tenant_id=@TenantId");
            Assert.Equal("Identifier Operator NamedParameter", string.Join(" ", tokens.Select(t => t.Kind)));
            Assert.Equal("@TenantId", tokens[2].Value);
        }

        [Fact]
        public void Colon_name_is_a_named_placeholder()
        {
            var tokens = Lex("tenant_id = :tenant");
            Assert.Equal(SqlTokenKind.NamedParameter, tokens[2].Kind);
            Assert.Equal(":tenant", tokens[2].Value);
        }

        [Fact]
        public void Double_colon_is_a_cast_not_a_placeholder()
        {
            var tokens = Lex("@t::uuid");
            Assert.Equal("NamedParameter Operator Identifier", string.Join(" ", tokens.Select(t => t.Kind)));
            Assert.Equal("::", tokens[1].Value);
        }

        [Fact]
        public void Colon_equals_is_an_assignment_operator()
        {
            var tokens = Lex("f(a := 1)");
            Assert.Contains(tokens, t => t.Kind == SqlTokenKind.Operator && t.Value == ":=");
            Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.NamedParameter);
        }

        [Fact]
        public void Array_slice_bounds_are_not_placeholders()
        {
            var tokens = Lex("a[lo:hi]");
            Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.NamedParameter);
            Assert.Contains(tokens, t => t.Kind == SqlTokenKind.Colon);
        }

        [Fact]
        public void Interpolation_holes_are_placeholders_only_when_enabled()
        {
            Assert.Equal("Identifier Operator InterpolationHole", Kinds("tenant_id = {0}", holes: true));
            Assert.DoesNotContain(Lex("tenant_id = {0}"), t => t.Kind == SqlTokenKind.InterpolationHole);
        }

        [Fact]
        public void Interpolation_hole_with_format_is_one_placeholder()
        {
            var token = Lex("{1:D}", holes: true).Single();
            Assert.Equal(SqlTokenKind.InterpolationHole, token.Kind);
            Assert.Equal("{1:D}", token.Value);
        }

        [Theory]
        [InlineData("<>")]
        [InlineData("!=")]
        [InlineData("<=")]
        [InlineData(">=")]
        [InlineData("||")]
        [InlineData("->")]
        [InlineData("->>")]
        [InlineData("@>")]
        [InlineData("<@")]
        [InlineData("<->")]
        [InlineData("#>>")]
        public void Multi_character_operators_are_one_token(string op)
        {
            var tokens = Lex("a " + op + " b");
            Assert.Equal(3, tokens.Count);
            Assert.Equal(op, tokens[1].Value);
        }

        [Fact]
        public void Operator_does_not_swallow_a_trailing_minus()
        {
            var tokens = Lex("a=-1");
            Assert.Equal(new[] { "a", "=", "-", "1" }, tokens.Select(t => t.Value));
        }

        [Fact]
        public void Operator_stops_before_a_comment()
        {
            var tokens = Lex("a =-- comment\n 1");
            Assert.Equal(new[] { "a", "=", "1" }, tokens.Select(t => t.Value));
        }

        [Theory]
        [InlineData("42")]
        [InlineData("3.14")]
        [InlineData(".5")]
        [InlineData("1e10")]
        [InlineData("2.5E-3")]
        public void Numbers_are_one_token(string number)
        {
            var token = Lex(number).Single();
            Assert.Equal(SqlTokenKind.Number, token.Kind);
            Assert.Equal(number, token.Value);
        }

        [Fact]
        public void Punctuation_kinds()
        {
            Assert.Equal("LeftParen RightParen LeftBracket RightBracket Comma Semicolon Dot", Kinds("()[],;."));
        }

        [Fact]
        public void Tokens_carry_offset_line_and_column()
        {
            var tokens = Lex("SELECT\n  id,\r\n\ttenant_id FROM t");
            var tenant = tokens.Single(t => t.Value == "tenant_id");
            Assert.Equal(3, tenant.Line);
            Assert.Equal(2, tenant.Column);
            Assert.Equal(15, tenant.Start);
            Assert.Equal(9, tenant.Length);
        }

        [Fact]
        public void Lines_count_through_multi_line_strings_and_comments()
        {
            var tokens = Lex("'a\nb' /* c\nd */ x");
            var x = tokens.Single(t => t.Value == "x");
            Assert.Equal(3, x.Line);
            Assert.Equal(6, x.Column);
        }

        [Fact]
        public void Unterminated_string_is_a_problem_with_its_position()
        {
            Lex("SELECT 1;\nSELECT 'abc", false, out var problems);
            var problem = Assert.Single(problems);
            Assert.Equal(2, problem.Line);
            Assert.Equal(8, problem.Column);
            Assert.Equal(17, problem.Offset);
            Assert.Contains("string", problem.Message);
        }

        [Fact]
        public void Unterminated_block_comment_is_a_problem()
        {
            Lex("SELECT 1 /* /* */", false, out var problems);
            var problem = Assert.Single(problems);
            Assert.Contains("comment", problem.Message);
            Assert.Equal(10, problem.Column);
        }

        [Fact]
        public void Unterminated_dollar_quote_is_a_problem()
        {
            Lex("DO $body$ BEGIN", false, out var problems);
            Assert.Contains("$body$", Assert.Single(problems).Message);
        }

        [Fact]
        public void Unterminated_quoted_identifier_is_a_problem()
        {
            Lex("SELECT \"abc", false, out var problems);
            Assert.Contains("identifier", Assert.Single(problems).Message);
        }

        [Fact]
        public void Lone_dollar_is_not_a_dollar_quote()
        {
            Assert.Equal("Unknown", Kinds("$"));
        }
    }
}
