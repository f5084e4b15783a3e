-- Every tenant table carries tenant_id NOT NULL, leads its primary key and indexes with it, and references its
-- parents through composite foreign keys (tenant_id, id): a child can never point at another tenant's parent.

CREATE TYPE event_status AS ENUM ('draft', 'confirmed', 'cancelled');
CREATE TYPE sharing_mode AS ENUM ('private', 'global', 'selective');

CREATE TABLE users (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    email       text NOT NULL,
    display_name text NOT NULL,
    is_admin    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email)
);

CREATE TABLE clients (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    email       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE events (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id   uuid NOT NULL,
    title       text NOT NULL,
    starts_at   timestamptz NOT NULL,
    attendees   integer NOT NULL DEFAULT 0 CHECK (attendees >= 0),
    status      event_status NOT NULL DEFAULT 'draft',
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
);
CREATE INDEX events_tenant_client_idx ON events (tenant_id, client_id);

CREATE TABLE tasks (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    event_id    uuid NOT NULL,
    assignee_id uuid,
    title       text NOT NULL,
    done        boolean NOT NULL DEFAULT false,
    due_on      date,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, id),
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX tasks_tenant_event_idx ON tasks (tenant_id, event_id);
CREATE INDEX tasks_tenant_assignee_idx ON tasks (tenant_id, assignee_id);

CREATE TABLE task_comments (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    task_id     uuid NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id)
);
CREATE INDEX task_comments_tenant_task_idx ON task_comments (tenant_id, task_id);

CREATE TABLE documents (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id   uuid NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
);
CREATE INDEX documents_tenant_client_idx ON documents (tenant_id, client_id);

CREATE TABLE document_versions (
    tenant_id   uuid NOT NULL,
    document_id uuid NOT NULL,
    version     integer NOT NULL CHECK (version > 0),
    body        text NOT NULL,
    PRIMARY KEY (tenant_id, document_id, version),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id)
);

CREATE TABLE tags (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE document_tags (
    tenant_id   uuid NOT NULL,
    document_id uuid NOT NULL,
    tag_id      uuid NOT NULL,
    PRIMARY KEY (tenant_id, document_id, tag_id),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id),
    FOREIGN KEY (tenant_id, tag_id) REFERENCES tags (tenant_id, id)
);
CREATE INDEX document_tags_tenant_tag_idx ON document_tags (tenant_id, tag_id);

-- Sharing as platforms do it: private (owner only), global (every tenant reads it), selective (the tenants named in
-- resource_shares read it). Only the owner may ever change a resource.
CREATE TABLE shared_resources (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL DEFAULT gen_random_uuid(),
    name         text NOT NULL,
    content      text NOT NULL DEFAULT '',
    sharing_mode sharing_mode NOT NULL DEFAULT 'private',
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX shared_resources_tenant_mode_idx ON shared_resources (tenant_id, sharing_mode);
CREATE INDEX shared_resources_global_idx ON shared_resources (sharing_mode) WHERE sharing_mode = 'global';

CREATE TABLE resource_shares (
    tenant_id             uuid NOT NULL,
    resource_id           uuid NOT NULL,
    shared_with_tenant_id uuid NOT NULL REFERENCES tenants (id),
    PRIMARY KEY (tenant_id, resource_id, shared_with_tenant_id),
    FOREIGN KEY (tenant_id, resource_id) REFERENCES shared_resources (tenant_id, id)
);
CREATE INDEX resource_shares_tenant_idx ON resource_shares (tenant_id);
CREATE INDEX resource_shares_shared_with_idx ON resource_shares (shared_with_tenant_id, resource_id);

CREATE TABLE audit_log (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    action      text NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
