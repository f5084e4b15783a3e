-- Seed 004 (chatbot widget), as written, with one substitution: plain PostgreSQL 15 has no pgvector, so
-- VECTOR(1536) becomes real[] (the column plays no part in tenant isolation).
-- 1. A dedicated DB role for the app
CREATE ROLE app_user NOINHERIT LOGIN PASSWORD 'CHANGE_ME_STRONG_PASSWORD';

-- 2. Example table: embeddings
CREATE TABLE IF NOT EXISTS embeddings (
  id BIGSERIAL PRIMARY KEY,
  tenant_id UUID NOT NULL,
  doc_id TEXT NOT NULL,
  chunk_index INT NOT NULL DEFAULT 0,
  content TEXT NOT NULL,
  embedding REAL[] NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- 3. RLS: only allow rows where tenant_id matches the current connection setting
ALTER TABLE embeddings ENABLE ROW LEVEL SECURITY;

CREATE POLICY embeddings_tenant_isolation ON embeddings
USING (
  tenant_id::text = current_setting('app.current_tenant', true)  -- returns NULL if not set
);

-- Optional: prohibit inserts/updates that mismatch the current tenant
CREATE POLICY embeddings_write_guard ON embeddings
FOR INSERT WITH CHECK (tenant_id::text = current_setting('app.current_tenant', true))
;

-- Grant the app role access subject to RLS
GRANT SELECT, INSERT, UPDATE, DELETE ON embeddings TO app_user;
