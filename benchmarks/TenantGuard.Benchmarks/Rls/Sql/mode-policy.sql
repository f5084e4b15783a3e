-- Row-level security for one mode; {predicate} is the mode's policy expression.
ALTER TABLE {schema}.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE {schema}.orders ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON {schema}.customers USING ({predicate});
CREATE POLICY tenant_isolation ON {schema}.orders USING ({predicate});
