-- Tenant ownership and sharing columns on every resource table (added to existing tables, hence nullable).
CREATE TABLE IF NOT EXISTS agents (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, display_name text NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS tools (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
CREATE TABLE IF NOT EXISTS prompts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), agent_id uuid REFERENCES agents (id), body text NOT NULL);
CREATE TABLE IF NOT EXISTS workflows (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
CREATE TABLE IF NOT EXISTS rag_knowledge_sources (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), agent_id uuid REFERENCES agents (id), url text NOT NULL);

ALTER TABLE agents ADD COLUMN IF NOT EXISTS tenant_id uuid REFERENCES tenants (id);
ALTER TABLE agents ADD COLUMN IF NOT EXISTS is_shared boolean NOT NULL DEFAULT false;
ALTER TABLE agents ADD COLUMN IF NOT EXISTS sharing_mode text NOT NULL DEFAULT 'private' CHECK (sharing_mode IN ('private', 'global', 'selective'));
ALTER TABLE agents ADD COLUMN IF NOT EXISTS shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE agents ADD COLUMN IF NOT EXISTS resource_type text NOT NULL DEFAULT 'custom';
CREATE INDEX IF NOT EXISTS idx_agents_tenant_id ON agents (tenant_id);

ALTER TABLE tools ADD COLUMN IF NOT EXISTS tenant_id uuid REFERENCES tenants (id);
ALTER TABLE tools ADD COLUMN IF NOT EXISTS is_shared boolean NOT NULL DEFAULT false;
ALTER TABLE tools ADD COLUMN IF NOT EXISTS sharing_mode text NOT NULL DEFAULT 'private' CHECK (sharing_mode IN ('private', 'global', 'selective'));
ALTER TABLE tools ADD COLUMN IF NOT EXISTS shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE tools ADD COLUMN IF NOT EXISTS resource_type text NOT NULL DEFAULT 'custom';
CREATE INDEX IF NOT EXISTS idx_tools_tenant_id ON tools (tenant_id);

ALTER TABLE prompts ADD COLUMN IF NOT EXISTS tenant_id uuid REFERENCES tenants (id);
ALTER TABLE prompts ADD COLUMN IF NOT EXISTS is_shared boolean NOT NULL DEFAULT false;
ALTER TABLE prompts ADD COLUMN IF NOT EXISTS sharing_mode text NOT NULL DEFAULT 'private' CHECK (sharing_mode IN ('private', 'global', 'selective'));
ALTER TABLE prompts ADD COLUMN IF NOT EXISTS shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE prompts ADD COLUMN IF NOT EXISTS resource_type text NOT NULL DEFAULT 'custom';
CREATE INDEX IF NOT EXISTS idx_prompts_tenant_id ON prompts (tenant_id);

ALTER TABLE workflows ADD COLUMN IF NOT EXISTS tenant_id uuid REFERENCES tenants (id);
ALTER TABLE workflows ADD COLUMN IF NOT EXISTS is_shared boolean NOT NULL DEFAULT false;
ALTER TABLE workflows ADD COLUMN IF NOT EXISTS sharing_mode text NOT NULL DEFAULT 'private' CHECK (sharing_mode IN ('private', 'global', 'selective'));
ALTER TABLE workflows ADD COLUMN IF NOT EXISTS shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE workflows ADD COLUMN IF NOT EXISTS resource_type text NOT NULL DEFAULT 'custom';
CREATE INDEX IF NOT EXISTS idx_workflows_tenant_id ON workflows (tenant_id);

ALTER TABLE rag_knowledge_sources ADD COLUMN IF NOT EXISTS tenant_id uuid REFERENCES tenants (id);
ALTER TABLE rag_knowledge_sources ADD COLUMN IF NOT EXISTS is_shared boolean NOT NULL DEFAULT false;
ALTER TABLE rag_knowledge_sources ADD COLUMN IF NOT EXISTS sharing_mode text NOT NULL DEFAULT 'private' CHECK (sharing_mode IN ('private', 'global', 'selective'));
ALTER TABLE rag_knowledge_sources ADD COLUMN IF NOT EXISTS shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE rag_knowledge_sources ADD COLUMN IF NOT EXISTS resource_type text NOT NULL DEFAULT 'custom';
CREATE INDEX IF NOT EXISTS idx_rag_knowledge_sources_tenant_id ON rag_knowledge_sources (tenant_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, agents, tools, prompts, workflows, rag_knowledge_sources TO app_user;
