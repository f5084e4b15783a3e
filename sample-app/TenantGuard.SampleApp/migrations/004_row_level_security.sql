-- Row-level security on every tenant table. ENABLE makes policies apply; FORCE makes them apply to the owning role
-- too, so even code that connects as the owner cannot read across tenants. The tenant comes from the transaction-
-- local setting app.current_tenant (set_config(..., true)); nullif turns "not set" and "set to empty" into NULL,
-- which matches no row instead of raising a cast error. The bare column on the left keeps the (tenant_id, ...)
-- indexes usable.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'clients', 'events', 'tasks', 'task_comments', 'documents',
                             'document_versions', 'tags', 'document_tags', 'audit_log']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
                         USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)
                         WITH CHECK (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)$p$,
                       t || '_tenant_isolation', t);
    END LOOP;
END
$$;

-- Shared resources: the owner reads and writes its own rows; other tenants may only read rows shared globally or
-- shared with them by name. No policy lets a non-owner write.
ALTER TABLE shared_resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE shared_resources FORCE ROW LEVEL SECURITY;
CREATE POLICY shared_resources_owner ON shared_resources FOR ALL
    USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid);
CREATE POLICY shared_resources_readers ON shared_resources FOR SELECT
    USING (sharing_mode = 'global'
           OR (sharing_mode = 'selective'
               AND EXISTS (SELECT 1 FROM resource_shares s
                           WHERE s.tenant_id = shared_resources.tenant_id
                             AND s.resource_id = shared_resources.id
                             AND s.shared_with_tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)));

ALTER TABLE resource_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_shares FORCE ROW LEVEL SECURITY;
CREATE POLICY resource_shares_owner ON resource_shares FOR ALL
    USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid);
CREATE POLICY resource_shares_recipient ON resource_shares FOR SELECT
    USING (shared_with_tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid);
