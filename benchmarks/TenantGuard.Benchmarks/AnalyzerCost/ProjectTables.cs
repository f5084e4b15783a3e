namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>The tables of the synthetic project: tenant-owned ones (with tenant_id) and one global table.</summary>
internal static class ProjectTables
{
    public sealed record Table(string Name, string Entity, string DbSet);

    public static IReadOnlyList<Table> TenantOwned { get; } =
    [
        new("orders", "Order", "Orders"),
        new("customers", "Customer", "Customers"),
        new("invoices", "Invoice", "Invoices"),
        new("products", "Product", "Products"),
        new("projects", "Project", "Projects"),
        new("work_items", "WorkItem", "WorkItems"),
        new("notes", "Note", "Notes"),
        new("payments", "Payment", "Payments"),
    ];

    public const string GlobalTable = "countries";

    /// <summary>The migration the analyzers read (as an AdditionalFile) to learn which tables are tenant-owned.</summary>
    public static string Migration()
    {
        var sql = new System.Text.StringBuilder();
        foreach (var table in TenantOwned)
        {
            sql.AppendLine($"""
                CREATE TABLE {table.Name} (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    name text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    amount numeric(12,2) NOT NULL DEFAULT 0
                );
                ALTER TABLE {table.Name} ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON {table.Name} USING (tenant_id = current_setting('app.tenant_id')::uuid);

                """);
        }

        sql.AppendLine($"CREATE TABLE {GlobalTable} (code text PRIMARY KEY, name text NOT NULL);");
        return sql.ToString();
    }

    /// <summary>Entities, the tenant accessor and the EF Core context every synthetic file uses.</summary>
    public static string Model()
    {
        var model = new System.Text.StringBuilder();
        model.AppendLine("""
            using System;
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Model;

            public interface ITenantContext
            {
                Guid CurrentTenant { get; }
            }

            public sealed class Country
            {
                public string Code { get; set; } = "";
                public string Name { get; set; } = "";
            }

            """);
        foreach (var table in TenantOwned)
        {
            model.AppendLine($$"""
                public sealed class {{table.Entity}}
                {
                    public long Id { get; set; }
                    public Guid TenantId { get; set; }
                    public string Name { get; set; } = "";
                    public DateTimeOffset CreatedAt { get; set; }
                    public decimal Amount { get; set; }
                }

                """);
        }

        model.AppendLine("public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)");
        model.AppendLine("{");
        foreach (var table in TenantOwned)
        {
            model.AppendLine($"    public DbSet<{table.Entity}> {table.DbSet} => Set<{table.Entity}>();");
        }

        model.AppendLine("    public DbSet<Country> Countries => Set<Country>();");
        model.AppendLine("}");
        return model.ToString();
    }
}
