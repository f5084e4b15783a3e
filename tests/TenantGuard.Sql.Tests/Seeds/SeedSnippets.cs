namespace TenantGuard.Sql.Tests.Seeds
{
    /// <summary>
    /// Every SQL snippet of the five teams' multi-tenancy write-ups in /work/shared/seeds, copied verbatim (including
    /// their comments and the shell lines around them) so the reader is held to what real teams write.
    /// </summary>
    internal static class SeedSnippets
    {
        // 000: event-booking backend, tenant column team_id.
        public const string S000CheckTeamIdColumns = @"-- Check if team_id exists on each table
SELECT table_name, column_name
FROM information_schema.columns
WHERE column_name = 'team_id'
AND table_schema = 'public';";

        public const string S000AddTeamIdColumn = @"ALTER TABLE table_name ADD COLUMN team_id UUID;
CREATE INDEX idx_table_name_team_id ON table_name(team_id);";

        public const string S000Backfill = @"-- Set team_id for all existing records to your default team
UPDATE clients SET team_id = 'your-team-uuid' WHERE team_id IS NULL;
UPDATE events SET team_id = 'your-team-uuid' WHERE team_id IS NULL;
UPDATE tasks SET team_id = 'your-team-uuid' WHERE team_id IS NULL;
-- Repeat for other tables";

        public const string S000PolicyExpression = "current_setting('app.team_id')";

        public const string S000ListPolicies = "SELECT * FROM pg_policies;";

        // 001: Django CMS, tenant column tenant_id, SET app.current_tenant_id.
        public const string S001CreateAppRole = @"-- Connect to PostgreSQL as superuser
psql -U postgres

-- Create dedicated application user
CREATE USER eceee_app WITH PASSWORD 'strong_secure_password';

-- Grant necessary permissions
GRANT CONNECT ON DATABASE eceee_v4 TO eceee_app;
GRANT USAGE ON SCHEMA public TO eceee_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eceee_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eceee_app;

-- Grant permissions on future tables
ALTER DEFAULT PRIVILEGES IN SCHEMA public 
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO eceee_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public 
    GRANT USAGE, SELECT ON SEQUENCES TO eceee_app;

-- Verify user is NOT a superuser
SELECT usename, usesuper FROM pg_user WHERE usename = 'eceee_app';
-- Should show: eceee_app | f";

        public const string S001VerifyRls = @"SELECT tablename, rowsecurity 
FROM pg_tables 
WHERE schemaname = 'public' 
  AND tablename IN ('webpages_pagetheme', 'webpages_webpage', 'content_namespace', 
                    'content_category', 'content_tag', 'object_storage_objectinstance', 
                    'file_manager_mediafile')
ORDER BY tablename;";

        public const string S001SessionTenantContext = @"-- Set tenant context
SET app.current_tenant_id = 'your-tenant-uuid';

-- Query should only return this tenant's data
SELECT COUNT(*) FROM webpages_pagetheme;

-- Change tenant context
SET app.current_tenant_id = 'different-tenant-uuid';

-- Should return different count
SELECT COUNT(*) FROM webpages_pagetheme;";

        public const string S001ListPolicies = @"SELECT schemaname, tablename, policyname 
FROM pg_policies 
WHERE schemaname = 'public' 
ORDER BY tablename, policyname;";

        public const string S001QueryPerformance = @"-- Check query performance with RLS
EXPLAIN ANALYZE
SELECT * FROM webpages_pagetheme 
WHERE tenant_id = current_setting('app.current_tenant_id')::uuid;

-- Monitor slow queries
SELECT query, mean_exec_time, calls 
FROM pg_stat_statements 
WHERE query LIKE '%tenant_id%' 
ORDER BY mean_exec_time DESC 
LIMIT 10;";

        public const string S001DisableRls = @"-- Connect as superuser
ALTER TABLE webpages_pagetheme DISABLE ROW LEVEL SECURITY;
ALTER TABLE webpages_webpage DISABLE ROW LEVEL SECURITY;
-- etc. for other tables";

        public const string S001EnableRls = @"ALTER TABLE webpages_pagetheme ENABLE ROW LEVEL SECURITY;
ALTER TABLE webpages_webpage ENABLE ROW LEVEL SECURITY;";

        public const string S001CheckSuperuser = "SELECT usesuper FROM pg_user";

        public const string S001ListAllPolicies = "SELECT * FROM pg_policies";

        // 002: AI platform; its only SQL block is psql meta-commands.
        public const string S002RunMigrations = @"   -- Execute in order:
   \i database/sql/migrations/2025/20250201000004_create_tenants_table.sql
   \i database/sql/migrations/2025/20250201000005_add_tenant_isolation.sql
   \i database/sql/migrations/2025/20250201000006_update_rls_policies.sql
   \i database/sql/migrations/2025/20250201000004_seed_platform_tenant.sql";

        // 003: TypeScript lead generation; SQL only as templates in prose.
        public const string S003IndexTemplate = "CREATE INDEX idx_<table>_tenant_id ON <table>(tenant_id);";

        public const string S003WhereTemplate = "WHERE tenant_id = $N";

        // 004: chatbot widget, tenant column tenant_id, RLS on embeddings.
        public const string S004Migration = @"-- 1. Ensure extension and a dedicated DB role for the app
CREATE ROLE app_user NOINHERIT LOGIN PASSWORD 'CHANGE_ME_STRONG_PASSWORD';
-- (In production, manage secrets in your secret store and avoid inline passwords.)

-- 2. Example table: embeddings
CREATE TABLE IF NOT EXISTS embeddings (
  id BIGSERIAL PRIMARY KEY,
  tenant_id UUID NOT NULL,
  doc_id TEXT NOT NULL,
  chunk_index INT NOT NULL DEFAULT 0,
  content TEXT NOT NULL,
  embedding VECTOR(1536) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- 3. RLS: only allow rows where tenant_id matches the current connection setting
ALTER TABLE embeddings ENABLE ROW LEVEL SECURITY;

-- Create a Postgres setting we can safely read in policies
-- (No explicit CREATE needed; we use current_setting('app.current_tenant', true))
CREATE POLICY embeddings_tenant_isolation ON embeddings
USING (
  tenant_id::text = current_setting('app.current_tenant', true)  -- returns NULL if not set
);

-- Optional: prohibit inserts/updates that mismatch the current tenant
CREATE POLICY embeddings_write_guard ON embeddings
FOR INSERT WITH CHECK (tenant_id::text = current_setting('app.current_tenant', true))
;

-- Grant the app role access subject to RLS
GRANT SELECT, INSERT, UPDATE, DELETE ON embeddings TO app_user;";

        public const string S004CheckRlsFlag = @"SELECT relrowsecurity FROM pg_class WHERE relname = 'embeddings';
-- relrowsecurity
-- t";

        public const string S004SetLocalTenant = "SET LOCAL app.current_tenant = $1";

        public const string S004FindNearest = @"SELECT id, doc_id, chunk_index, content
       FROM embeddings
       ORDER BY embedding <-> $1
       LIMIT $2";

        public const string S004CommentedIndex = @"-- Example: create a partial index per tenant for speed (optional)
-- CREATE INDEX CONCURRENTLY IF NOT EXISTS embeddings_tenant_idx
--   ON embeddings (embedding)
--   WHERE tenant_id = '00000000-0000-0000-0000-000000000000'::uuid;";

        public const string S004CiGuard = @"SELECT n.nspname AS schema, c.relname AS table, c.relrowsecurity AS rls_enabled
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog','information_schema')
ORDER BY 1,2;";

        public const string S004IsolationTest = @"   -- EXPECTED: returns 0 rows
   SET LOCAL app.current_tenant = 'aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa';
   SELECT COUNT(*) FROM embeddings WHERE tenant_id = 'bbbbbbbb-bbbb-4bbb-bbbb-bbbbbbbbbbbb';";

        public const string S004TroubleshootSetLocal = "SET LOCAL app.current_tenant = '<tenant-uuid>'";
    }
}
