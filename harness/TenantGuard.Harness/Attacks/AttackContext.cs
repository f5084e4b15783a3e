using System.Collections.Concurrent;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Harness.Fixes;

namespace TenantGuard.Harness.Attacks;

/// <summary>Everything an attack plan needs: the target, the seeded tenants and rows, and where findings go.
/// Tenant A (the attacker) is the first synthetic tenant, tenant B (the victim) the second.</summary>
public sealed class AttackContext(AttackTarget target, VerifyOptions options, SeedResult seed)
{
    public AttackTarget Target { get; } = target;

    public VerifyOptions Options { get; } = options;

    public SeedResult Seed { get; } = seed;

    public FindingCollector Findings { get; } = new();

    /// <summary>The positive control of every attack: tenant A through the same path, on its own rows.</summary>
    public ControlLedger Controls { get; } = new();

    /// <summary>Attacks that could neither succeed nor be refused for the reason expected (e.g. a NOT NULL column the
    /// insert could not fill); reported as facts so nothing is skipped silently.</summary>
    public ConcurrentBag<string> Inconclusive { get; } = [];

    public string TenantA => Seed.Tenants[0];

    public string TenantB => Seed.Tenants[1];

    public string TenantColumnSql => SqlText.Identifier(Target.TenantColumn);

    /// <summary>The tenant as a literal of the table's tenant column type.</summary>
    public string Literal(string tenant, SeedTable table) => Seed.TenantLiteral(tenant, table);

    /// <summary>" AND tenant_id NOT IN (…)" leaving out the shared tenants the policies let everyone read, or "".</summary>
    public string ExceptSharedTenants(SeedTable table, string alias = "") =>
        Target.SharedTenants.Count == 0
            ? string.Empty
            : $" AND {alias}{TenantColumnSql} NOT IN ({string.Join(", ", Target.SharedTenants.Select(t => Literal(t, table)))})";

    /// <summary>The tenant as an untyped literal, which takes the type of what it is compared with (views' columns).</summary>
    public static string UntypedLiteral(string tenant) => SqlText.Quote(tenant);

    /// <summary>Tables the plans attack: tenant tables the seeder filled for every tenant.</summary>
    public IEnumerable<SeedTable> AttackableTables => Seed.TenantTables.Where(Seed.IsSeeded);

    /// <summary>The fix every row-level finding shares, spelled as the audit spells it, pointing at the audit for the
    /// precise cause.</summary>
    public string RowSecurityFix(SeedTable table) =>
        new TenantPolicyFix(Target.TenantColumn, Target.TenantSetting, Target.AppRole).RowSecurity(table.Schema, table.Name, TenantType(table)) +
        "\n-- and connect as a role that is neither superuser nor BYPASSRLS; `tenantguard audit` names the exact cause.";

    private string TenantType(SeedTable table) => table.Column(Target.TenantColumn)?.SqlType ?? Seed.TenantSqlType;
}
