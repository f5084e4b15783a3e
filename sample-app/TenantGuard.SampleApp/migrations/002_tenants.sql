-- Tenants are the one global table: the app must read it to resolve a tenant before any tenant context exists.
-- API keys are stored as SHA-256 hashes; the app compares hashes, never plain keys.
CREATE TABLE tenants (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name          text NOT NULL,
    api_key_hash  text NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT ON tenants TO app_user;
