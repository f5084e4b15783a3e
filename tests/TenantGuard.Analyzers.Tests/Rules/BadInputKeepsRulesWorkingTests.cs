using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>A broken migration or a bad .editorconfig value is reported once (TG0901/TG0902); the rules keep working.</summary>
public sealed class BadInputKeepsRulesWorkingTests
{
    [Fact]
    public Task Bad_editorconfig_values_fall_back_to_defaults() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders"|});
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query("SELECT * FROM orders WHERE tenant_id = @tenantId", new { tenantId });
        """), editorConfig: "tenantguard.tenant_column = tenant id\ntenantguard.global_tables = ,,,\n");

    [Fact]
    public Task A_broken_migration_does_not_hide_the_tables_of_the_others()
    {
        var test = new Verify(Code.Dapper("""
                public IEnumerable<dynamic> A(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders"|});
                // The broken file's own tables are ignored until it is fixed, as its TG0901 says.
                public IEnumerable<dynamic> B(Guid tenantId) => connection.Query("SELECT * FROM invoices");
            """));
        test.TestState.AdditionalFiles.Add(("/0/db/migrations/002_broken.sql",
            "CREATE TABLE invoices (id uuid, tenant_id uuid);\nSELECT 'never closed\n"));
        return test.RunAsync();
    }
}
