-- The platform tenant, which owns the shared (global) resources.
INSERT INTO tenants (id, name, slug, tenant_type)
VALUES ('00000000-0000-0000-0000-000000000001', 'VITAL Platform', 'platform', 'platform')
ON CONFLICT (id) DO NOTHING;
