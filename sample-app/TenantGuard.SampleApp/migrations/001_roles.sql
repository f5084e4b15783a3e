-- The application connects as app_user: never a superuser, never BYPASSRLS, so every query it runs is subject to
-- the row-level security policies below. Roles are cluster-wide, so create it only when it is missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
        CREATE ROLE app_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;
