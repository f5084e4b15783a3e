-- The tenants requests are made for: 32 ordinary tenants from the middle of the size distribution (the whale is
-- left out so one request does not dominate), each with 8 of its order ids and 8 of its customer ids.
WITH sizes AS (
    SELECT tenant_id, count(*) AS n FROM explicit_filter.orders WHERE tenant_id <> 1 GROUP BY tenant_id
), picked AS (
    SELECT tenant_id FROM sizes
    ORDER BY n, tenant_id
    OFFSET greatest((SELECT count(*) FROM sizes) / 2 - 16, 0)
    LIMIT 32
)
SELECT o.tenant_id,
       (array_agg(o.id ORDER BY o.id))[1:8] AS order_ids,
       (array_agg(DISTINCT o.customer_id))[1:8] AS customer_ids,
       count(*) AS orders
FROM explicit_filter.orders AS o
JOIN picked USING (tenant_id)
GROUP BY o.tenant_id
ORDER BY o.tenant_id;
