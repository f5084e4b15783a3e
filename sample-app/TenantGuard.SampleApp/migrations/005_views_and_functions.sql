-- Views run with the caller's rights (security_invoker), so the policies of the tables beneath still apply.
CREATE VIEW client_overview WITH (security_invoker = true) AS
SELECT c.tenant_id,
       c.id AS client_id,
       c.name,
       count(DISTINCT e.id) AS event_count,
       count(DISTINCT d.id) AS document_count
FROM clients c
LEFT JOIN events e ON e.tenant_id = c.tenant_id AND e.client_id = c.id
LEFT JOIN documents d ON d.tenant_id = c.tenant_id AND d.client_id = c.id
GROUP BY c.tenant_id, c.id, c.name;

-- SECURITY INVOKER (the default, stated on purpose): the function sees exactly what its caller may see.
CREATE FUNCTION search_documents(term text)
RETURNS SETOF documents
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
    SELECT * FROM documents WHERE title ILIKE '%' || term || '%' ORDER BY created_at DESC
$$;
