-- The app role gets exactly the statements it needs; no TRUNCATE (it ignores row-level security), no ownership.
GRANT SELECT, INSERT, UPDATE, DELETE ON
    users, clients, events, tasks, task_comments, documents, document_versions, tags, document_tags,
    shared_resources, resource_shares
TO app_user;
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON audit_log TO app_user;
GRANT SELECT ON client_overview TO app_user;
GRANT EXECUTE ON FUNCTION search_documents(text) TO app_user;
