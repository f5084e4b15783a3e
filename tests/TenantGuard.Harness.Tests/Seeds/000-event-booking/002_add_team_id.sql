-- "If missing, add with: ALTER TABLE table_name ADD COLUMN team_id UUID; CREATE INDEX idx_table_name_team_id ..."
ALTER TABLE clients ADD COLUMN team_id UUID;
ALTER TABLE events ADD COLUMN team_id UUID;
ALTER TABLE tasks ADD COLUMN team_id UUID;
ALTER TABLE emails ADD COLUMN team_id UUID;
ALTER TABLE rooms ADD COLUMN team_id UUID;
ALTER TABLE products ADD COLUMN team_id UUID;
ALTER TABLE offers ADD COLUMN team_id UUID;
ALTER TABLE offer_line_items ADD COLUMN team_id UUID;

CREATE INDEX idx_clients_team_id ON clients (team_id);
CREATE INDEX idx_events_team_id ON events (team_id);
CREATE INDEX idx_tasks_team_id ON tasks (team_id);
CREATE INDEX idx_emails_team_id ON emails (team_id);
CREATE INDEX idx_rooms_team_id ON rooms (team_id);
CREATE INDEX idx_products_team_id ON products (team_id);
CREATE INDEX idx_offers_team_id ON offers (team_id);
CREATE INDEX idx_offer_line_items_team_id ON offer_line_items (team_id);
