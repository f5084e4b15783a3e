using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1008Tests(PostgresServerFixture fixture)
{
    private const string Embeddings = """
        CREATE TABLE embeddings (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, content text NOT NULL);
        CREATE INDEX ON embeddings (tenant_id);
        ALTER TABLE embeddings ENABLE ROW LEVEL SECURITY;
        ALTER TABLE embeddings FORCE ROW LEVEL SECURITY;
        GRANT SELECT, INSERT, UPDATE, DELETE ON embeddings TO app_user;

        """;

    [Fact]
    public async Task A_cast_on_the_tenant_column_is_confirmed_with_explain()
    {
        var report = await fixture.AuditAsync(Embeddings + """
            CREATE POLICY embeddings_tenant_isolation ON embeddings
                USING (tenant_id::text = current_setting('app.current_tenant', true));
            """);

        var finding = Assert.Single(report.Of("TG1008"));
        Assert.Equal("embeddings_tenant_isolation on public.embeddings", finding.Object);
        Assert.Contains("Seq Scan on embeddings", finding.Evidence);
        Assert.Contains("EXPLAIN as the app role confirms it", finding.Message);
        Assert.Contains("USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)", finding.Fix);
    }

    [Fact]
    public async Task When_explain_cannot_run_the_finding_says_so_instead_of_claiming_a_confirmation()
    {
        var report = await fixture.AuditAsync(Embeddings + """
            CREATE FUNCTION private_tenant() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.current_tenant', true) $$;
            REVOKE EXECUTE ON FUNCTION private_tenant() FROM PUBLIC;
            CREATE POLICY embeddings_tenant_isolation ON embeddings USING (tenant_id::text = private_tenant());
            """);

        var finding = Assert.Single(report.Of("TG1008"));
        Assert.Contains("EXPLAIN could not confirm it", finding.Message);
        Assert.DoesNotContain("confirms it", finding.Message);
        Assert.Contains("failed: 42501", finding.Evidence);
    }

    [Fact]
    public async Task An_expression_index_that_serves_the_cast_clears_the_finding()
    {
        var report = await fixture.AuditAsync(Embeddings + """
            CREATE INDEX ON embeddings ((tenant_id::text));
            CREATE POLICY embeddings_tenant_isolation ON embeddings
                USING (tenant_id::text = current_setting('app.current_tenant', true));
            """);

        Assert.Empty(report.Of("TG1008"));
    }

    [Fact]
    public async Task A_direct_comparison_is_not_reported()
    {
        var report = await fixture.AuditAsync(Embeddings + """
            CREATE POLICY embeddings_tenant_isolation ON embeddings
                USING (tenant_id = current_setting('app.current_tenant', true)::uuid);
            """);

        Assert.Empty(report.Of("TG1008"));
    }
}
