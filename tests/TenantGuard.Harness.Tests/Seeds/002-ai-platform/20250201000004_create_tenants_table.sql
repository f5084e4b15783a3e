-- Seed 002 (AI platform). The write-up describes its migrations; this is what they describe, written out.
-- Four tenant types; the platform tenant owns the shared resources. Idempotent, as the write-up insists.
CREATE TABLE IF NOT EXISTS tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    tenant_type text NOT NULL CHECK (tenant_type IN ('client', 'solution', 'industry', 'platform')),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS platform_admins (user_id uuid PRIMARY KEY);
