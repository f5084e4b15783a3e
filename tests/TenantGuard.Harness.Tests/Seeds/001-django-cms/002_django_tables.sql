-- The Django apps' tables. The tenant is a foreign key to core_tenant; many-to-many tables, which Django creates by itself,
-- carry no tenant column.
CREATE TABLE core_tenant (
    id uuid PRIMARY KEY,
    identifier varchar(100) NOT NULL UNIQUE,
    name varchar(255) NOT NULL,
    is_active boolean NOT NULL DEFAULT true
);

CREATE TABLE webpages_pagetheme (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES core_tenant (id),
    name varchar(255) NOT NULL UNIQUE,
    css text NOT NULL DEFAULT ''
);
CREATE TABLE webpages_webpage (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES core_tenant (id),
    theme_id bigint REFERENCES webpages_pagetheme (id),
    parent_id bigint REFERENCES webpages_webpage (id),
    slug varchar(255) NOT NULL,
    title varchar(255) NOT NULL
);
CREATE TABLE content_namespace (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES core_tenant (id), slug varchar(100) NOT NULL);
CREATE TABLE content_category (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES core_tenant (id),
    namespace_id bigint NOT NULL REFERENCES content_namespace (id), name varchar(255) NOT NULL);
CREATE TABLE content_tag (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES core_tenant (id), name varchar(100) NOT NULL);
CREATE TABLE webpages_webpage_tags (
    id bigserial PRIMARY KEY,
    webpage_id bigint NOT NULL REFERENCES webpages_webpage (id),
    tag_id bigint NOT NULL REFERENCES content_tag (id)
);
CREATE TABLE object_storage_objectinstance (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES core_tenant (id), data jsonb NOT NULL);
CREATE TABLE file_manager_mediafile (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES core_tenant (id),
    file_hash varchar(64) NOT NULL UNIQUE, file_path text NOT NULL);

-- Django indexes every foreign key.
CREATE INDEX ON webpages_pagetheme (tenant_id);
CREATE INDEX ON webpages_webpage (tenant_id);
CREATE INDEX ON content_namespace (tenant_id);
CREATE INDEX ON content_category (tenant_id);
CREATE INDEX ON content_tag (tenant_id);
CREATE INDEX ON object_storage_objectinstance (tenant_id);
CREATE INDEX ON file_manager_mediafile (tenant_id);
