-- Built after loading (faster than maintaining them row by row). (tenant_id, created_at) serves the tenant page,
-- the aggregate and any tenant predicate; customer_id serves the join.
CREATE INDEX orders_tenant_created_idx ON {schema}.orders (tenant_id, created_at);
CREATE INDEX orders_customer_idx ON {schema}.orders (customer_id);
CREATE INDEX customers_tenant_idx ON {schema}.customers (tenant_id);
SELECT setval(pg_get_serial_sequence('{schema}.orders', 'id'), (SELECT max(id) FROM {schema}.orders));
GRANT USAGE ON SCHEMA {schema} TO {app_role};
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {schema} TO {app_role};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {app_role};
