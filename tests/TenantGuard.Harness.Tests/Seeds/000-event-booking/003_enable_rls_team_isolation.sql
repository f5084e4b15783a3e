-- 20260103000000_enable_rls_team_isolation.sql: team isolation through current_setting('app.team_id'),
-- plus the service_role bypass policies the backend relies on.
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_clients ON clients FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_clients ON clients FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_events ON events FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_events ON events FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_tasks ON tasks FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_tasks ON tasks FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_emails ON emails FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_emails ON emails FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE rooms ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_rooms ON rooms FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_rooms ON rooms FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE products ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_products ON products FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_products ON products FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_offers ON offers FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_offers ON offers FOR ALL TO service_role USING (true) WITH CHECK (true);

ALTER TABLE offer_line_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_isolation_offer_line_items ON offer_line_items FOR ALL
    USING (team_id = current_setting('app.team_id', true)::uuid)
    WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
CREATE POLICY service_role_bypass_offer_line_items ON offer_line_items FOR ALL TO service_role USING (true) WITH CHECK (true);
