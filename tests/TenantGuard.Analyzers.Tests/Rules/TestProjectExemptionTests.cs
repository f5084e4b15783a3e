using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// Test projects seed and inspect every tenant's rows on purpose: the SQL rules are silent there by default, as the EF
/// and literal rules are, and speak again with tenantguard.exempt_test_projects = false.
/// </summary>
public sealed class TestProjectExemptionTests
{
    [Fact]
    public Task Sql_rules_are_silent_in_a_test_project() => new SqlRulesTest(Code.Dapper("""
            public int CountOrders() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
            public int UseTenant(string tenantId) => connection.Execute("SELECT set_config('app.tenant_id', @tenantId, false)", new { tenantId });
        """), editorConfig: null).RunAsync();

    [Fact]
    public Task Sql_rules_speak_in_a_test_project_when_the_exemption_is_off() => new SqlRulesTest(Code.Dapper("""
            public int {|TG0001:CountOrders|}() => connection.ExecuteScalar<int>({|TG0002:"SELECT count(*) FROM orders"|});
            public int UseTenant(string tenantId) => connection.Execute({|TG0004:"SELECT set_config('app.tenant_id', @tenantId, false)"|}, new { tenantId });
        """), editorConfig: "tenantguard.exempt_test_projects = false\n").RunAsync();

    /// <summary>TG0001, TG0002 and TG0004 together, in a project that says it is a test project.</summary>
    private sealed class SqlRulesTest : CSharpAnalyzerTest<TG0001DataAccessMethodWithoutTenantScope, DefaultVerifier>
    {
        public SqlRulesTest(string source, string? editorConfig)
        {
            TestCode = source;
            TestSupport.Configure(TestState, Migrations.Default, editorConfig);
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            ReferenceAssemblies = TestSupport.NoReferenceAssemblies;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new TG0001DataAccessMethodWithoutTenantScope(), new TG0002QueryWithoutTenantFilter(), new TG0004SessionScopedTenantSetting()];
    }
}
