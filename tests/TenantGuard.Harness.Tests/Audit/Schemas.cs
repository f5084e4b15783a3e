namespace TenantGuard.Harness.Tests.Audit;

/// <summary>A schema that isolates tenants correctly; each rule's test breaks one thing in it.</summary>
internal static class Schemas
{
    public const string CorrectOrders = """
        CREATE TABLE orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id uuid NOT NULL,
            number text NOT NULL,
            status text NOT NULL DEFAULT 'open',
            UNIQUE (tenant_id, number),
            UNIQUE (tenant_id, id)
        );
        ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
        ALTER TABLE orders FORCE ROW LEVEL SECURITY;
        CREATE POLICY orders_tenant ON orders
            USING (tenant_id = current_setting('app.tenant_id')::uuid)
            WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
        GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO app_user;
        """;

    /// <summary>A second tenant table whose foreign key carries the tenant column.</summary>
    public const string CorrectOrderLines = """
        CREATE TABLE order_lines (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id uuid NOT NULL,
            order_id bigint NOT NULL,
            quantity int NOT NULL,
            FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)
        );
        CREATE INDEX ON order_lines (tenant_id, order_id);
        ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
        ALTER TABLE order_lines FORCE ROW LEVEL SECURITY;
        CREATE POLICY order_lines_tenant ON order_lines
            USING (tenant_id = current_setting('app.tenant_id')::uuid);
        GRANT SELECT, INSERT, UPDATE, DELETE ON order_lines TO app_user;
        """;
}
