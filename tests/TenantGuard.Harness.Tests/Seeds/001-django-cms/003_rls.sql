-- The RLS migration: one policy per table on app.current_tenant_id.
-- `manage.py migrate` runs with DATABASE_URL, i.e. as eceee_app, so the application role owns every table.
GRANT eceee_app TO CURRENT_USER;
ALTER TABLE webpages_pagetheme ENABLE ROW LEVEL SECURITY;
CREATE POLICY webpages_pagetheme_tenant_isolation ON webpages_pagetheme USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE webpages_webpage ENABLE ROW LEVEL SECURITY;
CREATE POLICY webpages_webpage_tenant_isolation ON webpages_webpage USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE content_namespace ENABLE ROW LEVEL SECURITY;
CREATE POLICY content_namespace_tenant_isolation ON content_namespace USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE content_category ENABLE ROW LEVEL SECURITY;
CREATE POLICY content_category_tenant_isolation ON content_category USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE content_tag ENABLE ROW LEVEL SECURITY;
CREATE POLICY content_tag_tenant_isolation ON content_tag USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE object_storage_objectinstance ENABLE ROW LEVEL SECURITY;
CREATE POLICY object_storage_objectinstance_tenant_isolation ON object_storage_objectinstance USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE file_manager_mediafile ENABLE ROW LEVEL SECURITY;
CREATE POLICY file_manager_mediafile_tenant_isolation ON file_manager_mediafile USING (tenant_id = current_setting('app.current_tenant_id')::uuid);
ALTER TABLE webpages_pagetheme OWNER TO eceee_app;
ALTER TABLE webpages_webpage OWNER TO eceee_app;
ALTER TABLE content_namespace OWNER TO eceee_app;
ALTER TABLE content_category OWNER TO eceee_app;
ALTER TABLE content_tag OWNER TO eceee_app;
ALTER TABLE object_storage_objectinstance OWNER TO eceee_app;
ALTER TABLE file_manager_mediafile OWNER TO eceee_app;
ALTER TABLE core_tenant OWNER TO eceee_app;
ALTER TABLE webpages_webpage_tags OWNER TO eceee_app;

-- The production guide's grants.
GRANT USAGE ON SCHEMA public TO eceee_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eceee_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eceee_app;
