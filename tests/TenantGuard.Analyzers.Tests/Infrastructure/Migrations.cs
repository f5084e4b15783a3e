namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>The migrations most tests run against: tenant-owned tables with tenant_id, and shared tables without it.</summary>
internal static class Migrations
{
    public const string Path = "/0/db/migrations/001_init.sql";

    public const string Default = """
        CREATE TABLE tenants (id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE public.orders (
            id uuid PRIMARY KEY,
            tenant_id uuid NOT NULL REFERENCES tenants (id),
            customer_id uuid NOT NULL,
            status text NOT NULL,
            total numeric(12, 2) NOT NULL
        );
        CREATE TABLE customers (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL, country text);
        CREATE TABLE "OrderLines" (id uuid PRIMARY KEY, order_id uuid NOT NULL, sku text);
        ALTER TABLE "OrderLines" ADD COLUMN tenant_id uuid NOT NULL;
        CREATE TABLE audit.events (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, payload jsonb);
        CREATE TABLE embeddings (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, content text NOT NULL);
        """;
}
