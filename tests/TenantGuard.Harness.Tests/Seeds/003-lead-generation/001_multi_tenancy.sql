-- Seed 003 (lead generation, Neon/Supabase): tenant_id VARCHAR(255) NOT NULL on every table and an index on it.
-- Isolation is left to the repositories' WHERE tenant_id = $N; the database itself has no row-level security.
CREATE TABLE contacts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL, email text NOT NULL, name text);
CREATE TABLE icp_profiles (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL, criteria jsonb NOT NULL);
CREATE TABLE identities (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL, provider text NOT NULL, handle text NOT NULL);
CREATE TABLE agents (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL, name text NOT NULL);
CREATE TABLE leads (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id varchar(255) NOT NULL,
    contact_id uuid REFERENCES contacts (id),
    icp_profile_id uuid REFERENCES icp_profiles (id),
    score int NOT NULL DEFAULT 0
);
CREATE TABLE approvals (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL,
    lead_id uuid NOT NULL REFERENCES leads (id), status text NOT NULL DEFAULT 'pending');
CREATE TABLE events (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id varchar(255) NOT NULL,
    lead_id uuid REFERENCES leads (id), kind text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());

CREATE INDEX idx_contacts_tenant_id ON contacts (tenant_id);
CREATE INDEX idx_icp_profiles_tenant_id ON icp_profiles (tenant_id);
CREATE INDEX idx_identities_tenant_id ON identities (tenant_id);
CREATE INDEX idx_leads_tenant_id ON leads (tenant_id);
CREATE INDEX idx_approvals_tenant_id ON approvals (tenant_id);
CREATE INDEX idx_events_tenant_id ON events (tenant_id);
CREATE INDEX idx_agents_tenant_id ON agents (tenant_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;
