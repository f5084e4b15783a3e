using Microsoft.CodeAnalysis.CodeFixes;
using TenantGuard.Analyzers.Tests.Infrastructure;
using TenantGuard.CodeFixes;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// dotnet format asks Fix All about the first diagnostic of the solution; when that one has no fix, every fix
/// provider must still fix the others rather than return no action and fix nothing.
/// </summary>
public sealed class FixAllTests
{
    public static TheoryData<string, string, string, string> FirstDiagnosticWithoutAFix => new()
    {
        {
            // No tenantId in scope for the first query: no fix there; the second has one.
            nameof(TG0002AddTenantFilterFix), DiagnosticIds.QueryWithoutTenantFilter, Code.Dapper("""
                public int All() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders");
                public int Mine(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
            """),
            "\"SELECT count(*) FROM customers WHERE customers.tenant_id = @tenantId\", param: new { tenantId }"
        },
        {
            // Two queries in the first method: which one to filter is the author's call; the second has one query.
            nameof(TG0001AddTenantParameterFix), DiagnosticIds.DataAccessMethodWithoutTenantScope, Code.Dapper("""
                public int Both() => connection.ExecuteScalar<int>("SELECT count(*) FROM orders") + connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
                public int Customers() => connection.ExecuteScalar<int>("SELECT count(*) FROM customers");
            """),
            "public int Customers(Guid tenantId) => connection.ExecuteScalar<int>(\"SELECT count(*) FROM customers WHERE customers.tenant_id = @tenantId\", param: new { tenantId });"
        },
        {
            // A value concatenated into SET has no literal to rewrite; the set_config after it has.
            nameof(TG0004SetConfigLocalFix), DiagnosticIds.SessionScopedTenantSetting, Code.Npgsql("""
                public NpgsqlCommand A(string tenant) => new NpgsqlCommand("SET app.current_tenant = '" + tenant + "'", connection);
                public NpgsqlCommand B() => new NpgsqlCommand("SELECT set_config('app.current_tenant', @tenant, false)", connection);
            """),
            "SELECT set_config('app.current_tenant', @tenant::text, true)"
        },
        {
            // No tenant value in scope for the first IgnoreQueryFilters(); the second has a tenantId parameter.
            nameof(TG0005ReapplyTenantPredicateFix), DiagnosticIds.QueryFilterIgnoredOnTenantEntity, Code.Usings + """
                public sealed class Handler(ShopContext db)
                {
                    public Task<int> All() => db.Orders.IgnoreQueryFilters().CountAsync();
                    public Task<int> Mine(Guid tenantId) => db.Orders.IgnoreQueryFilters().CountAsync();
                }
                """ + EfTenancy.FilteredContext,
            "db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantId).CountAsync()"
        },
    };

    [Theory]
    [MemberData(nameof(FirstDiagnosticWithoutAFix))]
    public async Task Fix_all_fixes_what_it_can_when_the_first_diagnostic_has_no_fix(string provider, string diagnosticId, string source, string fixedText)
    {
        var fix = AllAnalyzers.CodeFixes.Single(f => f.GetType().Name == provider);

        var result = await DotnetFormatFixAll.ApplyAsync(source, diagnosticId, fix);

        Assert.NotNull(result);
        Assert.True(result!.Contains(fixedText, StringComparison.Ordinal), result);
    }

    [Fact]
    public void Every_fix_provider_is_covered()
    {
        var covered = FirstDiagnosticWithoutAFix.Select(row => (string)row[0]).ToHashSet();
        Assert.All(AllAnalyzers.CodeFixes, fix => Assert.Contains(fix.GetType().Name, covered));
    }
}
