using TenantGuard.Harness.Audit.Policies;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>The expression analysis on text exactly as pg_get_expr prints it (captured from PostgreSQL 15).</summary>
public sealed class TenantPredicateAnalyzerTests
{
    private static readonly TenantPredicateAnalyzer Analyzer = new("tenant_id", new HashSet<string> { "get_current_tenant_id" });

    [Theory]
    [InlineData("(tenant_id = (current_setting('app.tenant_id'::text))::uuid)")]
    [InlineData("(tenant_id = ( SELECT (current_setting('app.x'::text))::uuid AS current_setting))")]
    [InlineData("(tenant_id = get_current_tenant_id())")]
    [InlineData("(get_current_tenant_id() = tenant_id)")]
    [InlineData("(d.tenant_id = public.get_current_tenant_id())")]
    [InlineData("((tenant_id = (current_setting('app.tenant_id'::text))::uuid) AND (NOT archived))")]
    [InlineData("(tenant_id IN ( SELECT m.tenant_id FROM memberships m WHERE (m.user_id = (current_setting('app.user_id'::text))::uuid)))")]
    [InlineData("false")]
    public void Tenant_bound_expressions_are_bound(string expression)
    {
        Assert.Equal(TenantBinding.Bound, Analyzer.Analyze(expression).Binding);
    }

    [Theory]
    [InlineData("true", "Open")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR true)", "Open")]
    [InlineData("archived", "NotBound")]
    [InlineData("(status = 'open'::text)", "NotBound")]
    [InlineData("(NOT (tenant_id = get_current_tenant_id()))", "NotBound")]
    [InlineData("(tenant_id <> get_current_tenant_id())", "NotBound")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (current_setting('app.tenant_id'::text, true) IS NULL))", "NotBound")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (is_shared = true))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (sharing_mode = 'global'::text))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (get_current_tenant_id() = ANY (shared_with)))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR is_platform_admin())", "Sharing")]
    public void Expressions_that_reach_other_tenants_are_classified(string expression, string expected)
    {
        Assert.Equal(expected, Analyzer.Analyze(expression).Binding.ToString());
    }

    [Fact]
    public void The_culprit_is_the_condition_that_opened_access()
    {
        var verdict = Analyzer.Analyze("((tenant_id = get_current_tenant_id()) OR (is_shared = true))");

        Assert.Equal("is_shared = true", verdict.Culprit);
    }

    [Fact]
    public void A_cast_on_the_tenant_column_is_bound_but_wrapped()
    {
        var verdict = Analyzer.Analyze("((tenant_id)::text = current_setting('app.current_tenant'::text, true))");

        Assert.Equal(TenantBinding.Bound, verdict.Binding);
        Assert.Equal(["(tenant_id)::text = current_setting('app.current_tenant'::text, true)"], verdict.WrappedColumns);
    }

    [Fact]
    public void A_cast_on_the_setting_side_is_not_wrapped()
    {
        Assert.Empty(Analyzer.Analyze("(tenant_id = (current_setting('app.tenant_id'::text))::uuid)").WrappedColumns);
    }

    [Theory]
    [InlineData("(tenant_id = COALESCE(current_setting('app.tenant_id'::text, true), 'default'::text))", true)]
    [InlineData("(tenant_id = (COALESCE(current_setting('app.tenant_id'::text, true), '00000000-0000-0000-0000-000000000000'::text))::uuid)", true)]
    [InlineData("(tenant_id = COALESCE(current_setting('app.tenant_id'::text, true), ''::text))", false)]
    [InlineData("(COALESCE(current_setting('app.tenant_id'::text, true), ''::text) <> ''::text)", false)]
    public void Fallback_values_for_a_missing_setting_are_found(string expression, bool fallback)
    {
        Assert.Equal(fallback, Analyzer.Analyze(expression).SettingFallbacks.Count > 0);
    }
}
