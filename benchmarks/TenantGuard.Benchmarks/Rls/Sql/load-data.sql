-- Fills the baseline schema: {customers} customers and {rows} orders over 1,000 tenants. Tenant 1 is the whale
-- (every fifth customer, so ~20% of the rows); tenants 2..1000 follow a skewed curve (low ids are larger).
-- setseed makes the data identical from run to run.
SELECT setseed(0.2026);

INSERT INTO explicit_filter.customers (id, tenant_id, name)
SELECT c,
       CASE WHEN c % 5 = 0 THEN 1 ELSE 2 + floor(999 * power(random(), 2))::integer END,
       'customer ' || c
FROM generate_series(1::bigint, {customers}::bigint) AS c;

-- Each customer gets exactly ten orders (7919 is prime, so o * 7919 mod customers visits every customer equally).
INSERT INTO explicit_filter.orders (id, tenant_id, customer_id, created_at, amount, status)
SELECT o,
       c.tenant_id,
       c.id,
       timestamptz '2025-01-01 00:00:00+00' + o * interval '30 seconds',
       (o % 100000) / 100.0,
       (ARRAY['new', 'paid', 'shipped', 'cancelled'])[1 + o % 4]
FROM generate_series(1::bigint, {rows}::bigint) AS o
JOIN explicit_filter.customers AS c ON c.id = 1 + (o * 7919) % {customers};
