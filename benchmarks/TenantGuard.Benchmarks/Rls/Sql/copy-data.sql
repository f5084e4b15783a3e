-- Gives mode {schema} the same rows as the baseline schema.
INSERT INTO {schema}.customers SELECT * FROM explicit_filter.customers;
INSERT INTO {schema}.orders SELECT * FROM explicit_filter.orders;
