using Microsoft.CodeAnalysis.Testing;
using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0002 hard cases: SQL shape, C# shape and configuration.</summary>
public sealed class TG0002HardCasesTests
{
    [Fact]
    public Task Join_leaves_second_table_unfiltered() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Q(Guid tenantId) => connection.Query(
                {|TG0002:"SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = @tenantId"|}, new { tenantId });
        """));

    [Fact]
    public Task Or_branch_is_not_a_filter() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Q(Guid tenantId, Guid id) => connection.Query(
                {|TG0002:"SELECT * FROM orders WHERE id = @id OR tenant_id = @tenantId"|}, new { id, tenantId });
        """));

    [Fact]
    public Task Filter_in_a_comment_or_string_is_not_a_filter() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId, Guid id) => connection.Query(
                {|TG0002:"SELECT * FROM orders WHERE id = @id -- AND tenant_id = @tenantId"|}, new { id });
            public IEnumerable<dynamic> B(Guid tenantId, Guid id) => connection.Query(
                {|TG0002:"SELECT * FROM orders /* WHERE tenant_id = @tenantId */ WHERE status = 'tenant_id = @tenantId'"|});
        """));

    [Fact]
    public Task Not_null_and_self_comparison_are_not_filters() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders WHERE tenant_id IS NOT NULL"|});
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM orders WHERE tenant_id = tenant_id"|});
        """));

    [Fact]
    public Task Every_statement_of_a_multi_statement_string() => Verify.VerifyAsync(Code.Npgsql("""
            public NpgsqlCommand Q(Guid tenantId) => new NpgsqlCommand(
                {|TG0002:"SELECT * FROM orders WHERE tenant_id = @tenantId; DELETE FROM customers WHERE name = ''"|}, connection);
        """));

    [Fact]
    public Task Cte_subquery_and_union_arms() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Cte(Guid tenantId) => connection.Query(
                {|TG0002:"WITH big AS (SELECT * FROM orders WHERE total > 100) SELECT * FROM big"|});
            public IEnumerable<dynamic> Sub(Guid tenantId) => connection.Query(
                {|TG0002:"SELECT * FROM customers WHERE tenant_id = @tenantId AND id IN (SELECT customer_id FROM orders)"|}, new { tenantId });
            public IEnumerable<dynamic> Union(Guid tenantId) => connection.Query(
                {|TG0002:"SELECT id FROM orders WHERE tenant_id = @tenantId UNION ALL SELECT id FROM customers"|}, new { tenantId });
        """));

    [Fact]
    public Task Const_folding_across_fields_and_partial_class() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Data;
        using Dapper;

        public sealed partial class OrderRepository
        {
            private const string Select = "SELECT " + Columns + " FROM orders";
            private static readonly string ByStatus = Select + " WHERE status = @status";
            public IEnumerable<dynamic> Get(Guid tenantId, string status) => connection.Query({|TG0002:ByStatus|}, new { status });
            public IEnumerable<dynamic> Get2(Guid tenantId) => connection.Query({|TG0002:Shared.Sql|});
        }

        public sealed partial class OrderRepository(IDbConnection connection)
        {
            private const string Columns = "id, total";
        }

        public static class Shared
        {
            public static readonly string Sql = string.Concat("SELECT * ", "FROM customers");
        }
        """);

    [Fact]
    public Task Readonly_field_initialised_in_another_file_of_a_partial_class()
    {
        var test = new Verify("""
            using System;
            using System.Collections.Generic;
            using System.Data;
            using Dapper;

            public sealed partial class OrderRepository(IDbConnection connection)
            {
                public IEnumerable<dynamic> Get(Guid tenantId) => connection.Query({|TG0002:AllOrders|});
            }
            """);
        test.TestState.Sources.Add(("/0/Part2.cs", """
            public sealed partial class OrderRepository
            {
                private static readonly string AllOrders = "SELECT * " + "FROM orders";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Locals_assigned_once_are_folded() => Verify.VerifyAsync(Code.Dapper("""
            public async Task<IEnumerable<dynamic>> GetAsync(Guid tenantId)
            {
                const string table = "orders";
                var sql = "SELECT * FROM " + table;
                var withOrder = sql + " ORDER BY id";
                return await connection.QueryAsync({|TG0002:withOrder|});
            }
        """));

    [Fact]
    public Task Raw_verbatim_and_interpolated_literals() => Verify.VerifyAsync(Code.Dapper(""""
            public IEnumerable<dynamic> Raw(Guid tenantId) => connection.Query({|TG0002:"""
                SELECT *
                FROM orders
                WHERE status = 'open'
                """|});
            public IEnumerable<dynamic> Verbatim(Guid tenantId) => connection.Query({|TG0002:@"SELECT * FROM ""OrderLines"" WHERE sku = 'a'"|});
            public IEnumerable<dynamic> Interpolated(Guid tenantId, Guid id) => connection.Query({|TG0002:$"SELECT * FROM orders WHERE id = {id}"|});
        """"));

    [Fact]
    public Task Quoted_and_schema_qualified_tables() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM \"OrderLines\""|});
            public IEnumerable<dynamic> B(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM audit.events"|});
            public IEnumerable<dynamic> C(Guid tenantId) => connection.Query({|TG0002:"SELECT * FROM public.orders"|});
        """));

    [Fact]
    public Task Named_arguments_in_any_order_and_unreduced_extension_calls() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Named(Guid tenantId, Guid id) =>
                connection.Query(param: new { id }, sql: {|TG0002:"SELECT * FROM orders WHERE id = @id"|});
            public IEnumerable<dynamic> Unreduced(Guid tenantId) =>
                SqlMapper.Query(connection, {|TG0002:"SELECT * FROM orders"|});
            public IEnumerable<dynamic> UnreducedNamed(Guid tenantId) =>
                SqlMapper.Query(sql: {|TG0002:"SELECT * FROM customers"|}, cnn: connection);
        """));

    [Fact]
    public Task Records_async_lambdas_and_local_functions() => Verify.VerifyAsync(Code.Usings + """
        public sealed record OrderStore(IDbConnection Connection)
        {
            public Func<Task<IEnumerable<dynamic>>> Later(Guid tenantId) =>
                async () => await Connection.QueryAsync({|TG0002:"SELECT * FROM orders"|});

            public int Local(Guid tenantId)
            {
                return Run();
                int Run() => Connection.Execute({|TG0002:"DELETE FROM customers"|});
            }
        }
        """);

    [Fact]
    public Task Tenant_column_configured_as_team_id() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> Ok(Guid teamId) => connection.Query("SELECT * FROM clients WHERE team_id = @teamId", new { teamId });
            public IEnumerable<dynamic> Wrong(Guid teamId) => connection.Query({|TG0002:"SELECT * FROM clients WHERE tenant_id = @teamId"|}, new { teamId });
            // Seed: backfill that assigns every unowned row to one team.
            public int Backfill() => connection.Execute({|TG0002:"UPDATE clients SET team_id = 'your-team-uuid' WHERE team_id IS NULL"|});
        """),
        migrations: """
            CREATE TABLE clients (id uuid PRIMARY KEY, name text);
            ALTER TABLE clients ADD COLUMN team_id UUID;
            CREATE INDEX idx_clients_team_id ON clients(team_id);
            """,
        editorConfig: "tenantguard.tenant_column = team_id\n");

    [Fact]
    public Task Tenant_tables_declared_in_editorconfig_without_migrations() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A() => connection.Query({|TG0002:"SELECT * FROM invoices"|});
            public IEnumerable<dynamic> B() => connection.Query("SELECT * FROM plans");
        """),
        migrations: null,
        editorConfig: "tenantguard.tenant_tables = invoices, billing.payments\n");

    [Fact]
    public Task Global_tables_override_migrations() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A() => connection.Query("SELECT * FROM embeddings");
        """),
        editorConfig: "tenantguard.global_tables = embeddings\n");

    [Fact]
    public async Task Without_a_schema_every_table_counts_and_exactly_one_finding_says_how_to_declare_one()
    {
        var source = Code.Dapper("""
                public IEnumerable<dynamic> A() => connection.Query("SELECT * FROM plans");
                public IEnumerable<dynamic> B() => connection.Query("SELECT * FROM features");
                public IEnumerable<dynamic> C() => connection.Query("SELECT * FROM countries");
            """);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoSchema",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs")], TestReferences.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var options = new InMemoryConfigOptionsProvider(
            new Dictionary<string, string>(), _ => new Dictionary<string, string> { ["tenantguard.global_tables"] = "countries" });

        var result = await AnalyzerRun.RunAsync(compilation, [], options);

        Assert.Empty(result.AnalyzerExceptions);
        var findings = result.Diagnostics.Where(d => d.Id == "TG0002").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, m => m.Contains("'plans'", StringComparison.Ordinal));
        Assert.Contains(findings, m => m.Contains("'features'", StringComparison.Ordinal));
        Assert.Single(findings, m => m.EndsWith(Descriptors.NoSchemaHint, StringComparison.Ordinal));
        // An EF Core project may never send raw SQL: TG0001's first finding says how to declare the schema too.
        var methodFindings = result.Diagnostics.Where(d => d.Id == "TG0001").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, methodFindings.Count);
        Assert.Single(methodFindings, m => m.EndsWith(Descriptors.NoSchemaHint, StringComparison.Ordinal));
        Assert.Single(result.Diagnostics, d => d.Id == "TG0900");
    }

    [Fact]
    public Task Seed_vector_search_without_tenant_filter() => Verify.VerifyAsync(Code.Npgsql("""
            // Seed: findNearest relied on SET LOCAL for isolation and had no WHERE tenant_id.
            public NpgsqlCommand FindNearest(Guid tenantId) => new NpgsqlCommand({|TG0002:@"SELECT id, doc_id, chunk_index, content
                   FROM embeddings
                   ORDER BY embedding <-> $1
                   LIMIT $2"|}, connection);
            // Seed: an isolation check that compares with a literal tenant instead of a parameter.
            public NpgsqlCommand Isolation() => new NpgsqlCommand(
                {|TG0002:"SELECT COUNT(*) FROM embeddings WHERE tenant_id = 'bbbbbbbb-bbbb-4bbb-bbbb-bbbbbbbbbbbb'"|}, connection);
        """));
}
