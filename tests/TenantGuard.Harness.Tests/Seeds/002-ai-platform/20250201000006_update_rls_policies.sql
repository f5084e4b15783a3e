-- The tenant functions and the RLS policies: isolation, shared resources, selective sharing, platform admin bypass.
CREATE OR REPLACE FUNCTION set_tenant_context(p_tenant_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, false);
END
$$;

CREATE OR REPLACE FUNCTION get_current_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid
$$;

CREATE OR REPLACE FUNCTION is_platform_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM platform_admins WHERE user_id = NULLIF(current_setting('app.user_id', true), '')::uuid)
$$;

CREATE OR REPLACE FUNCTION can_access_resource(p_tenant_id uuid, p_is_shared boolean, p_sharing_mode text, p_shared_with uuid[])
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT p_tenant_id = get_current_tenant_id()
        OR (p_is_shared AND p_sharing_mode = 'global')
        OR (p_sharing_mode = 'selective' AND get_current_tenant_id() = ANY (p_shared_with))
$$;

ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS agents_tenant_select ON agents;
CREATE POLICY agents_tenant_select ON agents FOR SELECT USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS agents_tenant_insert ON agents;
CREATE POLICY agents_tenant_insert ON agents FOR INSERT WITH CHECK (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS agents_tenant_update ON agents;
CREATE POLICY agents_tenant_update ON agents FOR UPDATE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS agents_tenant_delete ON agents;
CREATE POLICY agents_tenant_delete ON agents FOR DELETE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS agents_shared_access ON agents;
CREATE POLICY agents_shared_access ON agents FOR SELECT USING (is_shared = true AND sharing_mode = 'global');
DROP POLICY IF EXISTS agents_selective_sharing ON agents;
CREATE POLICY agents_selective_sharing ON agents FOR SELECT USING (sharing_mode = 'selective' AND get_current_tenant_id() = ANY (shared_with));
DROP POLICY IF EXISTS agents_platform_admin ON agents;
CREATE POLICY agents_platform_admin ON agents FOR ALL USING (is_platform_admin()) WITH CHECK (is_platform_admin());

ALTER TABLE tools ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tools_tenant_select ON tools;
CREATE POLICY tools_tenant_select ON tools FOR SELECT USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS tools_tenant_insert ON tools;
CREATE POLICY tools_tenant_insert ON tools FOR INSERT WITH CHECK (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS tools_tenant_update ON tools;
CREATE POLICY tools_tenant_update ON tools FOR UPDATE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS tools_tenant_delete ON tools;
CREATE POLICY tools_tenant_delete ON tools FOR DELETE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS tools_shared_access ON tools;
CREATE POLICY tools_shared_access ON tools FOR SELECT USING (is_shared = true AND sharing_mode = 'global');
DROP POLICY IF EXISTS tools_selective_sharing ON tools;
CREATE POLICY tools_selective_sharing ON tools FOR SELECT USING (sharing_mode = 'selective' AND get_current_tenant_id() = ANY (shared_with));
DROP POLICY IF EXISTS tools_platform_admin ON tools;
CREATE POLICY tools_platform_admin ON tools FOR ALL USING (is_platform_admin()) WITH CHECK (is_platform_admin());

ALTER TABLE prompts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS prompts_tenant_select ON prompts;
CREATE POLICY prompts_tenant_select ON prompts FOR SELECT USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS prompts_tenant_insert ON prompts;
CREATE POLICY prompts_tenant_insert ON prompts FOR INSERT WITH CHECK (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS prompts_tenant_update ON prompts;
CREATE POLICY prompts_tenant_update ON prompts FOR UPDATE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS prompts_tenant_delete ON prompts;
CREATE POLICY prompts_tenant_delete ON prompts FOR DELETE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS prompts_shared_access ON prompts;
CREATE POLICY prompts_shared_access ON prompts FOR SELECT USING (is_shared = true AND sharing_mode = 'global');
DROP POLICY IF EXISTS prompts_selective_sharing ON prompts;
CREATE POLICY prompts_selective_sharing ON prompts FOR SELECT USING (sharing_mode = 'selective' AND get_current_tenant_id() = ANY (shared_with));
DROP POLICY IF EXISTS prompts_platform_admin ON prompts;
CREATE POLICY prompts_platform_admin ON prompts FOR ALL USING (is_platform_admin()) WITH CHECK (is_platform_admin());

ALTER TABLE workflows ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS workflows_tenant_select ON workflows;
CREATE POLICY workflows_tenant_select ON workflows FOR SELECT USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS workflows_tenant_insert ON workflows;
CREATE POLICY workflows_tenant_insert ON workflows FOR INSERT WITH CHECK (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS workflows_tenant_update ON workflows;
CREATE POLICY workflows_tenant_update ON workflows FOR UPDATE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS workflows_tenant_delete ON workflows;
CREATE POLICY workflows_tenant_delete ON workflows FOR DELETE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS workflows_shared_access ON workflows;
CREATE POLICY workflows_shared_access ON workflows FOR SELECT USING (is_shared = true AND sharing_mode = 'global');
DROP POLICY IF EXISTS workflows_selective_sharing ON workflows;
CREATE POLICY workflows_selective_sharing ON workflows FOR SELECT USING (sharing_mode = 'selective' AND get_current_tenant_id() = ANY (shared_with));
DROP POLICY IF EXISTS workflows_platform_admin ON workflows;
CREATE POLICY workflows_platform_admin ON workflows FOR ALL USING (is_platform_admin()) WITH CHECK (is_platform_admin());

ALTER TABLE rag_knowledge_sources ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS rag_knowledge_sources_tenant_select ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_tenant_select ON rag_knowledge_sources FOR SELECT USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS rag_knowledge_sources_tenant_insert ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_tenant_insert ON rag_knowledge_sources FOR INSERT WITH CHECK (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS rag_knowledge_sources_tenant_update ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_tenant_update ON rag_knowledge_sources FOR UPDATE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS rag_knowledge_sources_tenant_delete ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_tenant_delete ON rag_knowledge_sources FOR DELETE USING (tenant_id = get_current_tenant_id());
DROP POLICY IF EXISTS rag_knowledge_sources_shared_access ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_shared_access ON rag_knowledge_sources FOR SELECT USING (is_shared = true AND sharing_mode = 'global');
DROP POLICY IF EXISTS rag_knowledge_sources_selective_sharing ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_selective_sharing ON rag_knowledge_sources FOR SELECT USING (sharing_mode = 'selective' AND get_current_tenant_id() = ANY (shared_with));
DROP POLICY IF EXISTS rag_knowledge_sources_platform_admin ON rag_knowledge_sources;
CREATE POLICY rag_knowledge_sources_platform_admin ON rag_knowledge_sources FOR ALL USING (is_platform_admin()) WITH CHECK (is_platform_admin());
