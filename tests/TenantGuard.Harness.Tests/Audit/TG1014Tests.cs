using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1014Tests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_unique_constraint_without_the_tenant_column_is_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + """
            ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number);
            CREATE UNIQUE INDEX orders_lower_number ON orders (lower(number));
            """);

        var findings = report.Of("TG1014");
        Assert.Equal(["public.orders_lower_number", "public.orders_number_key"], findings.Select(f => f.Object).Order().ToArray());
        var constraint = findings.Single(f => f.Object == "public.orders_number_key");
        Assert.Contains("ADD CONSTRAINT orders_number_key UNIQUE (tenant_id, number);", constraint.Fix);
    }

    [Fact]
    public async Task Unique_keys_the_database_generates_and_copies_of_the_primary_key_are_not_reported()
    {
        var report = await fixture.AuditAsync("""
            CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
            CREATE TABLE docs (
                id bigserial PRIMARY KEY,
                tenant_id uuid NOT NULL,
                public_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
                share_token uuid NOT NULL DEFAULT uuid_generate_v4() UNIQUE,
                seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                slug text NOT NULL UNIQUE
            );
            CREATE UNIQUE INDEX docs_id_again ON docs (id);
            GRANT SELECT ON docs TO app_user;
            """, b => b.WithMigrationsAsSuperuser());

        Assert.Equal(["public.docs_slug_key"], report.Of("TG1014").Select(f => f.Object).ToArray());
    }

    [Fact]
    public async Task The_tenant_registry_keeps_its_platform_wide_unique_names()
    {
        var report = await fixture.AuditAsync("""
            CREATE TABLE tenant (tenant_id uuid PRIMARY KEY, name text UNIQUE, domain text UNIQUE);
            ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON tenant USING (tenant_id = current_setting('app.tenant_id')::uuid);
            GRANT SELECT, UPDATE ON tenant TO app_user;
            """);

        Assert.Empty(report.Of("TG1014"));
    }

    [Fact]
    public async Task Unique_keys_that_include_the_tenant_column_and_primary_keys_are_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + "CREATE UNIQUE INDEX ON orders (tenant_id, lower(number));");

        Assert.Empty(report.Of("TG1014"));
    }
}
