-- Seed 000 (event-booking backend on Supabase): the tables as they were before multi-tenancy.
-- Supabase's roles, recreated for plain PostgreSQL: the backend connects as service_role, which bypasses RLS;
-- client connections are to use anon, which RLS applies to.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN BYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
        CREATE ROLE anon NOLOGIN;
    END IF;
END
$$;
-- Supabase's service_role always bypasses RLS, whoever created the role first.
ALTER ROLE service_role BYPASSRLS;

CREATE TABLE clients (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, email text NOT NULL UNIQUE);
CREATE TABLE rooms (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, capacity int NOT NULL);
CREATE TABLE products (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, unit_price numeric(10, 2) NOT NULL);
CREATE TABLE events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id uuid NOT NULL REFERENCES clients (id),
    room_id uuid REFERENCES rooms (id),
    starts_at timestamptz NOT NULL
);
CREATE TABLE tasks (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_id uuid REFERENCES events (id), title text NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE TABLE emails (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_id uuid REFERENCES events (id), body text NOT NULL);
CREATE TABLE offers (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_id uuid NOT NULL REFERENCES events (id), total numeric(10, 2));
CREATE TABLE offer_line_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    offer_id uuid NOT NULL REFERENCES offers (id),
    product_id uuid NOT NULL REFERENCES products (id),
    quantity int NOT NULL
);

-- Supabase grants every table to its API roles.
GRANT ALL ON ALL TABLES IN SCHEMA public TO anon, service_role;
