using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TenantGuard.SampleApp.Repositories;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Tests.Variants;

/// <summary>Every broken variant of the sample app the isolation suite must catch, with the rules it must report.</summary>
public static class VariantCatalogue
{
    private const string CurrentTenant = "nullif(current_setting('app.current_tenant', true), '')::uuid";

    /// <summary>A tenant table in the app's style, for breaks that need one more table.</summary>
    private static string TenantTable(string name, string extraColumns = "", bool index = true, string tenantColumn = "tenant_id uuid NOT NULL REFERENCES tenants (id)") => $"""
        CREATE TABLE {name} (
            {tenantColumn},
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            body text NOT NULL{extraColumns},
            PRIMARY KEY (id)
        );
        {(index ? $"CREATE INDEX {name}_tenant_idx ON {name} (tenant_id, id);" : string.Empty)}
        ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
        CREATE POLICY {name}_tenant_isolation ON {name} USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
        GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO app_user;
        """;

    public static readonly IReadOnlyList<IsolationVariant> All =
    [
        // Database: row-level security itself.
        new("rls-off", "RLS disabled on documents", ["TG1001", "TG2001", "TG2002", "TG2003", "TG2004", "TG2005", "TG2006"],
            "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;"),
        new("force-missing-app-owns", "FORCE missing and the app role owns clients", ["TG1002", "TG1005", "TG2001"],
            "GRANT variant_owning_app TO tenantguard_owner; GRANT CREATE ON SCHEMA public TO variant_owning_app;\n" +
            "ALTER TABLE clients NO FORCE ROW LEVEL SECURITY; ALTER TABLE clients OWNER TO variant_owning_app;",
            AppRole: "variant_owning_app"),
        new("using-true", "a permissive USING (true) policy on tasks", ["TG1003", "TG2001", "TG2002", "TG2003"],
            "CREATE POLICY tasks_open ON tasks USING (true) WITH CHECK (true);"),
        new("superuser-app-role", "the app connects as a superuser", ["TG1004", "TG2001", "TG2006"],
            "ALTER ROLE variant_superuser_app SUPERUSER;", AppRole: "variant_superuser_app", MigrateAsSuperuser: true),
        new("missing-with-check", "tags' write policies check nothing (WITH CHECK (true))", ["TG1003", "TG2004"],
            $"""
            DROP POLICY tags_tenant_isolation ON tags;
            CREATE POLICY tags_read ON tags FOR SELECT USING (tenant_id = {CurrentTenant});
            CREATE POLICY tags_insert ON tags FOR INSERT WITH CHECK (true);
            CREATE POLICY tags_update ON tags FOR UPDATE USING (tenant_id = {CurrentTenant}) WITH CHECK (true);
            CREATE POLICY tags_delete ON tags FOR DELETE USING (tenant_id = {CurrentTenant});
            """),
        new("setting-fallback", "the policy falls back to a platform tenant when the setting is missing", ["TG1017"],
            $"""
            DROP POLICY clients_tenant_isolation ON clients;
            CREATE POLICY clients_tenant_isolation ON clients
                USING (tenant_id = coalesce(nullif(current_setting('app.current_tenant', true), ''), '00000000-0000-4000-8000-000000000000')::uuid)
                WITH CHECK (tenant_id = {CurrentTenant});
            """),
        new("non-sargable-policy", "the policy casts the tenant column to text", ["TG1008"],
            """
            DROP POLICY events_tenant_isolation ON events;
            CREATE POLICY events_tenant_isolation ON events
                USING (tenant_id::text = current_setting('app.current_tenant', true))
                WITH CHECK (tenant_id::text = current_setting('app.current_tenant', true));
            """),

        // Database: schema shape.
        new("nullable-tenant", "a tenant table whose tenant_id is nullable", ["TG1006"], TenantTable("notes", tenantColumn: "tenant_id uuid REFERENCES tenants (id)")),
        new("no-tenant-index", "a tenant table without an index leading with tenant_id", ["TG1007"], TenantTable("reminders", index: false)),
        // documents_id_key (UNIQUE (id)) spans tenants, but on a random uuid default no tenant chooses: not TG1014.
        new("fk-without-tenant", "a foreign key to documents(id) that leaves the tenant out", ["TG1013"],
            "ALTER TABLE documents ADD CONSTRAINT documents_id_key UNIQUE (id);\n" + TenantTable("attachments", ",\n    document_id uuid NOT NULL REFERENCES documents (id)")),
        new("unique-without-tenant", "client e-mail unique across all tenants", ["TG1014"],
            "ALTER TABLE clients ADD CONSTRAINT clients_email_key UNIQUE (email);"),
        new("child-without-rls", "a child table of documents without a tenant column or RLS", ["TG1015"],
            """
            CREATE TABLE document_links (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_tenant uuid NOT NULL,
                document_id uuid NOT NULL,
                url text NOT NULL,
                FOREIGN KEY (document_tenant, document_id) REFERENCES documents (tenant_id, id)
            );
            GRANT SELECT, INSERT ON document_links TO app_user;
            """),
        new("partition-without-rls", "a partition of a tenant table readable directly", ["TG1018"],
            $"""
            CREATE TABLE metrics (tenant_id uuid NOT NULL, day date NOT NULL, hits integer NOT NULL, PRIMARY KEY (tenant_id, day)) PARTITION BY RANGE (day);
            CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2000-01-01') TO ('2100-01-01');
            ALTER TABLE metrics ENABLE ROW LEVEL SECURITY;
            ALTER TABLE metrics FORCE ROW LEVEL SECURITY;
            CREATE POLICY metrics_tenant_isolation ON metrics USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
            GRANT SELECT ON metrics, metrics_2026 TO app_user;
            """),
        new("unseedable-table", "a NOT NULL column of a type the seeder cannot generate", ["TG2000"],
            TenantTable("search_index", ",\n    terms tsvector NOT NULL")),

        // Database: objects that read around the policies.
        new("view-without-security-invoker", "a view over clients that runs as its owner, which is not forced", ["TG1009", "TG2001"],
            """
            ALTER TABLE clients NO FORCE ROW LEVEL SECURITY;
            CREATE VIEW client_directory AS SELECT tenant_id, id, name FROM clients;
            GRANT SELECT ON client_directory TO app_user;
            """),
        new("security-definer-function", "a SECURITY DEFINER function over documents, owner not forced", ["TG1010", "TG1019", "TG2001"],
            """
            ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
            CREATE FUNCTION all_documents() RETURNS SETOF documents LANGUAGE sql STABLE SECURITY DEFINER AS 'SELECT * FROM documents';
            GRANT EXECUTE ON FUNCTION all_documents() TO app_user;
            """),
        new("materialized-view", "a materialized view over documents readable by the app", ["TG1012"],
            """
            CREATE MATERIALIZED VIEW document_titles AS SELECT tenant_id, id, title FROM documents;
            GRANT SELECT ON document_titles TO app_user;
            """),
        new("truncate-grant", "the app role may TRUNCATE documents", ["TG1011"], "GRANT TRUNCATE ON documents TO app_user;"),
        new("leakproof-function", "a user-defined LEAKPROOF function callable by the app", ["TG1016"],
            "CREATE FUNCTION tenant_equals(a uuid, b uuid) RETURNS boolean LANGUAGE sql IMMUTABLE LEAKPROOF AS 'SELECT a = b';",
            MigrateAsSuperuser: true),
        new("app-role-can-escalate", "the app role can SET ROLE to a BYPASSRLS role", ["TG1020"],
            "CREATE ROLE variant_rls_bypasser NOLOGIN BYPASSRLS;\n" +
            "GRANT app_user TO variant_escalating_app; GRANT variant_rls_bypasser TO variant_escalating_app;",
            AppRole: "variant_escalating_app", MigrateAsSuperuser: true),
        new("session-tenant-function", "a set_tenant_context(uuid) function using set_config(…, false)", ["TG1022", "TG2007"],
            """
            CREATE FUNCTION set_tenant_context(tenant uuid) RETURNS void LANGUAGE sql
                AS $$ SELECT set_config('app.current_tenant', tenant::text, false) $$;
            GRANT EXECUTE ON FUNCTION set_tenant_context(uuid) TO app_user;
            """),

        // Application: tenant resolution and binding.
        new("default-tenant-fallback", "middleware falls back to a default tenant", ["TG2105"],
            BreakApp: services => Replace<ITenantResolver>(services, sp => new DefaultTenantFallbackResolver(Resolver(sp)))),
        new("header-overrides-api-key", "the X-Tenant-ID header outranks the API key and subdomain", ["TG2102", "TG2104"],
            BreakApp: services => Replace<ITenantResolver>(services, sp => new HeaderFirstResolver(Resolver(sp)))),
        new("subdomain-overrides-api-key", "the subdomain outranks the API key", ["TG2103"],
            BreakApp: services => Replace<ITenantResolver>(services, sp => new SubdomainFirstResolver(sp.GetRequiredService<TenantDirectory>(), Resolver(sp)))),
        new("unknown-tenant-accepted", "any well-formed X-Tenant-ID is trusted without a lookup", ["TG2106"],
            BreakApp: services => Replace<ITenantResolver>(services, sp => new UncheckedHeaderResolver(Resolver(sp)))),
        new("repository-drops-tenant", "the document repository drops its tenant predicate, documents without RLS", ["TG2101", "TG1001"],
            "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;",
            BreakApp: services => Replace<IDocumentRepository>(services, sp => new UnscopedDocumentRepository(sp.GetRequiredService<TenantSession>()), scoped: true)),
        new("update-drops-tenant", "the document update drops its tenant predicate, documents without RLS", ["TG2107", "TG1001"],
            "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;",
            BreakApp: services => Replace<IDocumentRepository>(services, sp => new UnscopedUpdateDocumentRepository(sp.GetRequiredService<TenantSession>()), scoped: true)),
        new("delete-drops-tenant", "the document delete drops its tenant predicate, documents without RLS", ["TG2108", "TG1001"],
            "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;",
            BreakApp: services => Replace<IDocumentRepository>(services, sp => new UnscopedDeleteDocumentRepository(sp.GetRequiredService<TenantSession>()), scoped: true)),
        new("create-trusts-body-tenant", "a new document goes to the tenant its body names, documents without RLS", ["TG2109", "TG1001"],
            "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;",
            BreakApp: services => Replace<IDocumentRepository>(services, sp => new BodyTenantDocumentRepository(sp.GetRequiredService<TenantSession>()), scoped: true)),
        new("session-level-set", "the app binds the tenant with SET instead of SET LOCAL", ["TG2007"],
            AppScope: () => new SessionLevelTenantScope()),
        new("tenant-in-shared-field", "the app keeps the current tenant in a static field shared by requests", ["TG2008"],
            AppScope: () => new SharedFieldTenantScope()),
    ];

    private static TenantResolver Resolver(IServiceProvider services) =>
        new(services.GetRequiredService<TenantDirectory>(), services.GetRequiredService<SampleAppOptions>());

    private static void Replace<T>(IServiceCollection services, Func<IServiceProvider, T> factory, bool scoped = false)
        where T : class
    {
        services.RemoveAll<T>();
        if (scoped)
        {
            services.AddScoped(factory);
        }
        else
        {
            services.AddSingleton(factory);
        }
    }
}
