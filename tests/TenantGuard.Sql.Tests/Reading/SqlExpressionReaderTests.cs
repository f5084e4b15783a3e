using System.Linq;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Tests.Reading
{
    /// <summary>Policy expressions exactly as pg_get_expr prints them.</summary>
    public class SqlExpressionReaderTests
    {
        [Theory]
        [InlineData("(tenant_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)")]
        [InlineData("(EXISTS ( SELECT 1 FROM members m WHERE ((m.account_id = docs.account_id) AND (m.user_id = auth.uid()))))")]
        [InlineData("((current_setting('app.bypass_rls'::text, true) = 'on'::text) OR (tenant_id = (current_setting('app.tenant_id'::text))::uuid))")]
        [InlineData("has_role_on_account(account_id)")]
        [InlineData("(account_id IN ( SELECT basejump.get_accounts_with_role() AS get_accounts_with_role))")]
        [InlineData("(tenant_id = ANY (shared_with))")]
        [InlineData("(team_id = ( SELECT auth.team_id() AS team_id))")]
        [InlineData("(EXISTS ( SELECT 1 FROM (account_user wu JOIN accounts a ON ((a.id = wu.account_id))) WHERE (wu.user_id = auth.uid())))")]
        [InlineData("((status = ANY (ARRAY['a'::text, 'b'::text])) AND (current_user = 'admin'::name))")]
        [InlineData("true")]
        [InlineData("((SELECT 1) = 1)")]
        [InlineData("(( SELECT accounts.personal_account FROM basejump.accounts WHERE (accounts.id = invitations.account_id)) = false)")]
        [InlineData("((SELECT 1) UNION (SELECT 2))")]
        public void Deparsed_policy_expressions_are_read(string text)
        {
            var result = SqlExpressionReader.Read(text);

            Assert.True(result.Success, result.Error);
            Assert.Equal(text, result.TextOf(result.Expression!));
        }

        [Fact]
        public void The_tree_shows_the_setting_comparison()
        {
            var result = SqlExpressionReader.Read("(tenant_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)");

            var comparison = Assert.IsType<BinaryExpression>(Assert.IsType<ParenthesizedExpression>(result.Expression).Inner);
            Assert.Equal("=", comparison.Operator);
            Assert.Equal("tenant_id", Assert.IsType<ColumnReference>(comparison.Left).Column);
            var cast = Assert.IsType<CastExpression>(comparison.Right);
            Assert.Equal("uuid", cast.TypeName);
            var nullif = Assert.IsType<FunctionCallExpression>(Assert.IsType<ParenthesizedExpression>(cast.Operand).Inner);
            Assert.Equal("nullif", nullif.Name);
            var setting = Assert.IsType<FunctionCallExpression>(nullif.Arguments[0]);
            Assert.Equal("current_setting", setting.Name);
            Assert.Equal("app.current_tenant", Assert.IsType<LiteralExpression>(Assert.IsType<CastExpression>(setting.Arguments[0]).Operand).Value);
        }

        [Fact]
        public void Subqueries_keep_their_from_and_where()
        {
            var result = SqlExpressionReader.Read("(EXISTS ( SELECT 1 FROM members m WHERE ((m.account_id = docs.account_id) AND (m.user_id = auth.uid()))))");

            var exists = Assert.IsType<ExistsExpression>(Assert.IsType<ParenthesizedExpression>(result.Expression).Inner);
            var query = Assert.IsType<SelectQuery>(exists.Query);
            var table = Assert.IsType<NamedTableReference>(Assert.Single(query.From));
            Assert.Equal("members", table.Name.Name);
            Assert.Equal("m", table.Alias);
            Assert.Equal("((m.account_id = docs.account_id) AND (m.user_id = auth.uid()))", result.TextOf(query.Where!));
        }

        [Fact]
        public void Quantified_and_qualified_calls_are_kept()
        {
            var any = Assert.IsType<BinaryExpression>(Assert.IsType<ParenthesizedExpression>(SqlExpressionReader.Read("(tenant_id = ANY (shared_with))").Expression).Inner);
            Assert.Equal("any", Assert.IsType<QuantifiedExpression>(any.Right).Quantifier);

            var call = Assert.IsType<FunctionCallExpression>(SqlExpressionReader.Read("basejump.has_role_on_account(account_id)").Expression);
            Assert.Equal("basejump", call.Schema);
            Assert.Equal("has_role_on_account", call.Name);
            Assert.Equal("account_id", Assert.IsType<ColumnReference>(Assert.Single(call.Arguments)).Column);
        }

        [Theory]
        [InlineData("")]
        [InlineData("tenant_id = ")]
        [InlineData("a = b; DROP TABLE x")]
        [InlineData("'unterminated")]
        [InlineData("SELECT 1")]
        [InlineData("(a = b")]
        public void Text_that_is_not_one_expression_is_an_error_not_an_exception(string text)
        {
            var result = SqlExpressionReader.Read(text);

            Assert.False(result.Success);
            Assert.Null(result.Expression);
            Assert.False(string.IsNullOrEmpty(result.Error));
        }

        [Fact]
        public void Deep_nesting_is_an_error_not_a_stack_overflow()
        {
            var text = new string('(', 5000) + "1" + new string(')', 5000);

            Assert.False(SqlExpressionReader.Read(text).Success);
        }

        [Fact]
        public void Children_walk_the_whole_tree()
        {
            var result = SqlExpressionReader.Read("((a = 1) OR (NOT (b IS NULL)))");

            var columns = Walk(result.Expression!).OfType<ColumnReference>().Select(c => c.Column).ToArray();
            Assert.Equal(new[] { "a", "b" }, columns);
        }

        private static System.Collections.Generic.IEnumerable<SqlExpression> Walk(SqlExpression expression)
        {
            yield return expression;
            foreach (var child in expression.Children)
            {
                foreach (var descendant in Walk(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
