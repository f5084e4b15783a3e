using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0002 through the SQL shapes of the contract, end to end from C#.</summary>
public sealed class TG0002SqlShapeTests
{
    [Fact]
    public Task Update_from_and_delete_using() => Verify.VerifyAsync(Code.Dapper("""
            public int A(Guid tenantId) => connection.Execute(
                {|TG0002:"UPDATE orders o SET status = 'vip' FROM customers c WHERE c.id = o.customer_id AND o.tenant_id = @tenantId"|}, new { tenantId });
            public int B(Guid tenantId) => connection.Execute(
                "UPDATE orders o SET status = 'vip' FROM customers c WHERE c.id = o.customer_id AND c.tenant_id = o.tenant_id AND o.tenant_id = @tenantId", new { tenantId });
            public int C(Guid tenantId) => connection.Execute(
                {|TG0002:"DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND c.tenant_id = @tenantId"|}, new { tenantId });
        """));

    [Fact]
    public Task Correlated_subquery_equated_to_a_filtered_outer_table() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query(
                "SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.tenant_id = c.tenant_id) FROM customers c WHERE c.tenant_id = @tenantId", new { tenantId });
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query(
                {|TG0002:"SELECT c.name FROM customers c WHERE c.tenant_id = @tenantId AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"|}, new { tenantId });
        """));

    [Fact]
    public Task In_with_one_value_counts_any_and_not_equal_do_not() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query("SELECT * FROM orders WHERE tenant_id IN (@tenantId)", new { tenantId });
            public IEnumerable<dynamic> B(Guid[] ids) => connection.Query({|TG0002:"SELECT * FROM orders WHERE tenant_id = ANY(@ids)"|}, new { ids });
            public IEnumerable<dynamic> C(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders WHERE tenant_id <> @tenantId"|}, new { tenantId });
            public IEnumerable<dynamic> D(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders WHERE NOT (tenant_id = @tenantId)"|}, new { tenantId });
        """));

    [Fact]
    public Task Cte_names_shadow_tables_and_data_modifying_ctes_are_checked() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query(
                "WITH orders AS (SELECT * FROM customers WHERE tenant_id = @tenantId) SELECT * FROM orders", new { tenantId });
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query(
                {|TG0002:"WITH gone AS (DELETE FROM orders WHERE status = 'void' RETURNING id) SELECT count(*) FROM gone"|});
        """));

    [Fact]
    public Task Insert_select_sources_are_checked() => Verify.VerifyAsync(Code.Dapper("""
            public int Copy(Guid tenantId) => connection.Execute(
                {|TG0002:"INSERT INTO countries (code, name) SELECT id::text, status FROM orders"|});
            public int Insert(Guid tenantId) => connection.Execute("INSERT INTO orders VALUES (@id, @tenantId, @id, 'new', 0)", new { id = Guid.NewGuid(), tenantId });
        """));

    [Fact]
    public Task Unqualified_tenant_column_with_one_candidate_table() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query(
                "SELECT o.id, n.name FROM orders o JOIN countries n ON n.code = o.status WHERE tenant_id = @tenantId", new { tenantId });
        """));
}
