using System.Text;

namespace TenantGuard.Benchmarks.HarnessCost;

/// <summary>
/// A migrations folder with a tenants table and <c>N</c> tenant tables (tenant_id NOT NULL, FK to tenants, an index
/// leading with tenant_id, RLS enabled and forced with an index-friendly policy, grants to app_user): a clean schema
/// of a realistic width, so the harness cost measures the work, not the findings.
/// </summary>
public static class SyntheticSchema
{
    public const string TenantSetting = "app.current_tenant";
    public const string AppRole = "app_user";

    public static string Write(string folder, int tables)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "001_tenants.sql"), """
            CREATE TABLE tenants (
                id   uuid PRIMARY KEY,
                name text NOT NULL
            );
            GRANT SELECT ON tenants TO app_user;

            """);

        var schema = new StringBuilder();
        for (var i = 1; i <= tables; i++)
        {
            var name = $"entity_{i:0000}";
            schema.AppendLine($"""
                CREATE TABLE {name} (
                    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
                    id         bigint      GENERATED ALWAYS AS IDENTITY,
                    title      text        NOT NULL,
                    amount     numeric(12,2) NOT NULL DEFAULT 0,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (tenant_id, id)
                );
                ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
                ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
                CREATE POLICY {name}_tenant_isolation ON {name} FOR ALL
                    USING (tenant_id = nullif(current_setting('{TenantSetting}', true), '')::uuid)
                    WITH CHECK (tenant_id = nullif(current_setting('{TenantSetting}', true), '')::uuid);
                GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO app_user;

                """);
        }

        File.WriteAllText(Path.Combine(folder, "002_entities.sql"), schema.ToString());
        return folder;
    }
}
