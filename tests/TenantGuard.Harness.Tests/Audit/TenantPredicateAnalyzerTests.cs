using TenantGuard.Harness.Audit.Policies;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>The expression analysis on text exactly as pg_get_expr and pg_get_functiondef print it.</summary>
public sealed class TenantPredicateAnalyzerTests
{
    private static readonly PolicyFunctions Functions = new(
    [
        Function("get_current_tenant_id()", "uuid", "sql", "SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid"),
        Function("auth.uid()", "uuid", "sql", "select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid"),
        Function("auth.team_id()", "uuid", "sql", "select (current_setting('app.team_id', true))::uuid"),
        Function("has_role_on_account(account_id uuid, account_role text DEFAULT NULL::text)", "boolean", "sql",
            "select exists(select 1 from account_user wu where wu.user_id = auth.uid() and wu.account_id = has_role_on_account.account_id " +
            "and (wu.account_role = has_role_on_account.account_role or has_role_on_account.account_role is null))"),
        Function("basejump.get_accounts_with_role(passed_in_role text DEFAULT NULL::text)", "SETOF uuid", "sql",
            "select account_id from basejump.account_user wu where wu.user_id = auth.uid() and (wu.account_role = passed_in_role or passed_in_role is null)"),
        Function("is_member(target uuid)", "boolean", "plpgsql",
            "BEGIN RETURN EXISTS (SELECT 1 FROM members m WHERE m.account_id = target AND m.user_id = auth.uid()); END;"),
        Function("is_platform_admin()", "boolean", "sql",
            "SELECT EXISTS (SELECT 1 FROM platform_admins WHERE user_id = NULLIF(current_setting('app.user_id', true), '')::uuid)"),
        Function("is_admin()", "boolean", "sql", "SELECT current_setting('app.role', true) = 'admin'"),
        Function("tangled()", "boolean", "plpgsql", "BEGIN IF current_setting('app.x') = 'y' THEN RETURN true; END IF; RETURN false; END"),
        Function("loops(t uuid)", "boolean", "sql", "SELECT loops(t)"),
        Function("default_tenant()", "uuid", "sql", "SELECT coalesce(nullif(current_setting('app.tenant_id', true), ''), '00000000-0000-0000-0000-000000000001')::uuid"),
    ]);

    private static readonly TenantPredicateAnalyzer Analyzer = new("tenant_id", Functions);

    private static string Function(string signature, string returns, string language, string body) =>
        $"CREATE OR REPLACE FUNCTION {(signature.Contains('.') ? signature : "public." + signature)}\n RETURNS {returns}\n LANGUAGE {language}\n STABLE\nAS $function$ {body} $function$\n";

    [Theory]
    [InlineData("(tenant_id = (current_setting('app.tenant_id'::text))::uuid)")]
    [InlineData("(tenant_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)")]
    [InlineData("(tenant_id = ( SELECT (current_setting('app.x'::text))::uuid AS current_setting))")]
    [InlineData("(tenant_id = get_current_tenant_id())")]
    [InlineData("(get_current_tenant_id() = tenant_id)")]
    [InlineData("(d.tenant_id = public.get_current_tenant_id())")]
    [InlineData("((tenant_id = (current_setting('app.tenant_id'::text))::uuid) AND (NOT archived))")]
    [InlineData("(tenant_id IN ( SELECT m.tenant_id FROM memberships m WHERE (m.user_id = (current_setting('app.user_id'::text))::uuid)))")]
    [InlineData("(tenant_id = ( SELECT auth.team_id() AS team_id))")]
    [InlineData("has_role_on_account(tenant_id)")]
    [InlineData("public.has_role_on_account(tenant_id, 'owner'::text)")]
    [InlineData("is_member(tenant_id)")]
    [InlineData("(tenant_id IN ( SELECT basejump.get_accounts_with_role() AS get_accounts_with_role))")]
    [InlineData("(tenant_id = ANY (ARRAY( SELECT basejump.get_accounts_with_role() AS get_accounts_with_role)))")]
    [InlineData("(EXISTS ( SELECT 1 FROM members m WHERE ((m.account_id = docs.tenant_id) AND (m.user_id = auth.uid()))))")]
    [InlineData("(EXISTS ( SELECT 1 FROM (members m JOIN accounts a ON ((a.id = m.account_id))) WHERE ((a.id = docs.tenant_id) AND (m.user_id = ( SELECT auth.uid() AS uid)))))")]
    [InlineData("(tenant_id = ( SELECT u.tenant_id FROM users u WHERE (u.id = auth.uid())))")]
    [InlineData("false")]
    public void Tenant_bound_expressions_are_bound(string expression)
    {
        var verdict = Analyzer.Analyze(expression);

        Assert.True(verdict.Binding == TenantBinding.Bound, string.Join("; ", verdict.Branches));
    }

    [Theory]
    [InlineData("true", "Open")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR true)", "Open")]
    [InlineData("archived", "Unbound")]
    [InlineData("(status = 'open'::text)", "Unbound")]
    [InlineData("(NOT (tenant_id = get_current_tenant_id()))", "Unbound")]
    [InlineData("(tenant_id <> get_current_tenant_id())", "Unbound")]
    [InlineData("(owner_id = auth.uid())", "Unbound")]
    [InlineData("(tenant_id = '00000000-0000-0000-0000-000000000001'::uuid)", "Sharing")]
    [InlineData("tangled()", "Unbound")]
    [InlineData("unknown_function(tenant_id)", "Unbound")]
    [InlineData("(EXISTS ( SELECT 1 FROM members m, accounts a WHERE ((a.id = docs.tenant_id) AND (m.user_id = auth.uid()))))", "Unbound")]
    [InlineData("(EXISTS ( SELECT 1 FROM account_user wu WHERE ((wu.account_id = account_id) AND (wu.user_id = auth.uid()))))", "Unbound")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (is_shared = true))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (sharing_mode = 'global'::text))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (visibility = 'public'::text))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (tenant_id IS NULL))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (get_current_tenant_id() = ANY (shared_with)))", "Sharing")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR is_platform_admin())", "Sharing")]
    [InlineData("((current_setting('app.bypass_rls'::text, true) = 'on'::text) OR (tenant_id = get_current_tenant_id()))", "Switch")]
    [InlineData("((current_setting('app.is_admin'::text))::boolean OR (tenant_id = get_current_tenant_id()))", "Switch")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR is_admin())", "Switch")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (current_setting('app.tenant_id'::text, true) IS NULL))", "Switch")]
    [InlineData("((tenant_id = get_current_tenant_id()) OR (NOT (current_setting('app.enforce'::text))::boolean))", "Switch")]
    public void Expressions_that_reach_other_tenants_are_classified(string expression, string expected)
    {
        var verdict = Analyzer.Analyze(expression);

        Assert.True(expected == verdict.Binding.ToString(), $"{verdict.Binding}: {string.Join("; ", verdict.Branches)}");
    }

    [Theory]
    [InlineData("((sharing_mode = 'selective'::text) AND (EXISTS ( SELECT 1 FROM resource_shares s WHERE ((s.tenant_id = shared_resources.tenant_id) " +
                "AND (s.resource_id = shared_resources.id) AND (s.shared_with_tenant_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)))))", "Sharing")]
    [InlineData("(grantee_id = (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid)", "Sharing")]
    [InlineData("(EXISTS ( SELECT 1 FROM tenants t WHERE ((t.id = docs.tenant_id) AND (t.id = (current_setting('app.current_tenant'::text))::uuid))))", "Bound")]
    [InlineData("(EXISTS ( SELECT 1 FROM tenants t WHERE ((t.id = docs.tenant_id) AND (t.parent_id = (current_setting('app.current_tenant'::text))::uuid))))", "Sharing")]
    public void A_lookup_keyed_on_the_tenant_setting_is_sharing_unless_it_is_the_same_tenant(string expression, string expected)
    {
        var analyzer = new TenantPredicateAnalyzer("tenant_id", Functions, new HashSet<string> { "app.current_tenant" });

        var verdict = analyzer.Analyze(expression);

        Assert.True(expected == verdict.Binding.ToString(), $"{verdict.Binding}: {string.Join("; ", verdict.Branches)}");
    }

    [Fact]
    public void Every_unbound_branch_is_a_cause_of_its_own()
    {
        var verdict = Analyzer.Analyze(
            "((tenant_id = get_current_tenant_id()) OR archived OR (owner_id = auth.uid()) OR (current_setting('app.bypass_rls'::text, true) = 'on'::text))");

        Assert.Equal(
            new[] { "owner_id = auth.uid()", "current_setting('app.bypass_rls'::text, true) = 'on'::text", "archived" }.Order(StringComparer.Ordinal),
            verdict.Causes.Select(c => c.Condition).Order(StringComparer.Ordinal));
        Assert.Contains(verdict.Causes, c => c.Binding == TenantBinding.Switch);
        Assert.Contains("compares owner_id with the caller", verdict.Causes.Single(c => c.Condition.Contains("owner_id")).Reason);
    }

    [Fact]
    public void A_membership_lookup_that_compares_a_column_with_itself_says_so()
    {
        var verdict = Analyzer.Analyze("(EXISTS ( SELECT 1 FROM account_user wu WHERE ((wu.account_id = account_id) AND (wu.user_id = auth.uid()))))");

        Assert.Contains("compares account_id with itself", Assert.Single(verdict.Causes).Reason);
    }

    [Fact]
    public void A_not_pushed_through_an_and_splits_into_branches()
    {
        var verdict = Analyzer.Analyze("(NOT ((tenant_id <> get_current_tenant_id()) AND (NOT is_public)))");

        Assert.Equal([TenantBinding.Bound, TenantBinding.Sharing], verdict.Branches.Select(b => b.Binding).Order().ToArray());
    }

    [Fact]
    public void The_culprit_of_a_sharing_branch_is_its_condition()
    {
        var verdict = Analyzer.Analyze("((tenant_id = get_current_tenant_id()) OR (is_shared = true))");

        Assert.Equal("is_shared", Assert.Single(verdict.Causes).Condition);
    }

    [Fact]
    public void Conditions_inside_a_function_body_name_the_call()
    {
        var verdict = Analyzer.Analyze("((tenant_id = get_current_tenant_id()) OR is_admin())");

        Assert.Equal("is_admin() → current_setting('app.role', true) = 'admin'", Assert.Single(verdict.Causes).Condition);
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
    [InlineData("(tenant_id = (COALESCE(NULLIF(current_setting('app.tenant_id'::text, true), ''::text), '00000000-0000-0000-0000-000000000000'::text))::uuid)", true)]
    [InlineData("(tenant_id = default_tenant())", true)]
    [InlineData("(tenant_id = COALESCE(current_setting('app.tenant_id'::text, true), ''::text))", false)]
    [InlineData("(tenant_id = (COALESCE(current_setting('app.tenant_id'::text, true), NULL::text))::uuid)", false)]
    [InlineData("(COALESCE(current_setting('app.tenant_id'::text, true), ''::text) <> ''::text)", false)]
    public void Fallback_values_for_a_missing_setting_are_found(string expression, bool fallback)
    {
        Assert.Equal(fallback, Analyzer.Analyze(expression).SettingFallbacks.Count > 0);
    }

    [Fact]
    public void Settings_are_told_apart_by_what_they_are_compared_with()
    {
        var settings = Analyzer.Analyze(
            "((current_setting('app.bypass_rls'::text, true) = 'on'::text) OR (tenant_id = get_current_tenant_id()) OR has_role_on_account(tenant_id))").Settings;

        Assert.Equal(["app.tenant_id"], settings.Tenant);
        Assert.Equal(["app.bypass_rls"], settings.Switch);
        Assert.Equal(["request.jwt.claim.sub"], settings.Identity);
        Assert.Equal(["app.bypass_rls", "app.tenant_id", "request.jwt.claim.sub"], settings.Read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_that_cannot_be_read_is_unbound_with_the_reason()
    {
        var verdict = Analyzer.Analyze("(tenant_id = ");

        var branch = Assert.Single(verdict.Branches);
        Assert.Equal(TenantBinding.Unbound, branch.Binding);
        Assert.Contains("cannot read", branch.Reason);
    }

    [Theory]
    [InlineData("loops(tenant_id)")]
    [InlineData("CASE WHEN archived THEN true ELSE (tenant_id = get_current_tenant_id()) END")]
    [InlineData("(ROW(tenant_id, id) = ROW(get_current_tenant_id(), 1))")]
    [InlineData("((a OR b) AND (c OR d) AND (e OR f) AND (g OR h) AND (i OR j) AND (k OR l) AND (m OR n))")]
    public void Shapes_the_audit_does_not_follow_are_unbound_not_errors(string expression)
    {
        var verdict = Analyzer.Analyze(expression);

        Assert.NotEqual(TenantBinding.Bound, verdict.Binding);
        Assert.All(verdict.Causes, c => Assert.False(string.IsNullOrEmpty(c.Reason)));
    }
}
