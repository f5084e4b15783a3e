using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>Unique constraints and indexes on tenant tables that leave out the tenant column. Primary keys are left
/// out: surrogate keys come from sequences or gen_random_uuid(), so they reveal nothing and never collide between tenants
/// by choice. For the same reason so are unique keys whose columns the database generates (identity, serial, random
/// uuid defaults), and unique indexes on the primary key's own columns. A tenant registry (the tenant column alone is
/// unique: one row per tenant) is left out whole: a platform-wide unique tenant name or domain is its purpose.</summary>
public sealed class TG1014UniqueWithoutTenant : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1014;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var tenant = context.TenantColumn;
        foreach (var table in context.TopLevelTenantTables.Where(t => t.Column(tenant) is not null))
        {
            var indexes = context.Catalog.IndexesOn(table).ToList();
            if (indexes.Any(i => i.Unique && i.Columns.Count == 1 && i.Columns[0] == tenant))
                continue; // the tenant registry itself (one row per tenant): its keys are platform-wide by design
            var primaryKey = indexes.FirstOrDefault(i => i.Primary)?.Columns.ToHashSet();
            foreach (var index in indexes.Where(i => i.Unique && !i.Primary))
            {
                if (index.Columns.Contains(tenant) || (index.Columns.Any(c => c is null) && index.Definition.Contains(tenant, StringComparison.Ordinal)))
                    continue;
                if (index.Columns.All(c => c is not null && table.Column(c)?.GeneratedId == true))
                    continue;
                if (primaryKey is not null && index.Columns.All(c => c is not null) && primaryKey.SetEquals(index.Columns))
                    continue;
                var name = Sql.Table(table.Schema, table.Name);
                var keys = string.Join(", ", index.Columns.Select(c => c ?? "…"));
                var newKeys = string.Join(", ", index.Columns.Where(c => c is not null).Select(c => Sql.Ident(c!)).Prepend(Sql.Ident(tenant)));
                var fix = index.Constraint is { } constraint
                    ? $"ALTER TABLE {name} DROP CONSTRAINT {Sql.Ident(constraint)};\nALTER TABLE {name} ADD CONSTRAINT {Sql.Ident(constraint)} UNIQUE ({newKeys});"
                    : $"DROP INDEX {Sql.Table(index.Schema, index.Name)};\nCREATE UNIQUE INDEX {Sql.Ident(index.Name)} ON {name} ({newKeys});";
                yield return Finding(
                    $"{index.Schema}.{index.Name}",
                    $"Unique {(index.Constraint is null ? "index" : "constraint")} {index.Name} on {table.QualifiedName} ({keys}) spans all tenants: " +
                    "a duplicate-key error tells one tenant that another tenant already uses the value, and tenants cannot reuse each other's values.",
                    fix,
                    table.QualifiedName);
            }
        }
    }
}
