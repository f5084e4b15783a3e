using TenantGuard.Harness.Audit.Policies;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Fixes;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Audit;

/// <summary>What every rule needs: the catalog, which tables are tenant-owned, the app role, the tenant column and
/// setting, and the shared policy analysis.</summary>
public sealed class AuditContext
{
    private readonly HashSet<uint> _tenantTableOids;
    private TenantPolicyFix? _fix;

    internal AuditContext(CatalogSnapshot catalog, AuditTarget target, AuditOptions options)
    {
        Catalog = catalog;
        Target = target;
        Options = options;
        TenantColumn = target.TenantColumn;

        TenantTables = catalog.Tables.Where(t => t.Column(TenantColumn) is not null || Listed(options.TenantTables, t)).ToList();
        _tenantTableOids = TenantTables.Select(t => t.Oid).ToHashSet();

        var functions = new PolicyFunctions(catalog.Functions.Select(f => f.Definition));
        PolicySettings = PolicySettingCensus.Take(
            catalog.Policies.Where(p => IsTenantTable(p.TableOid)).Select(p => (p.Using, p.WithCheck)), TenantColumn, functions);
        TenantSetting = options.TenantSetting ?? target.TenantSetting ?? PolicySettings.TenantSetting;
        var tenantSettings = PolicySettings.TenantSettings.Keys.Append(TenantSetting).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Policies = new EffectivePolicyAnalysis(new TenantPredicateAnalyzer(TenantColumn, functions, tenantSettings, PolicySettings.Memberships));
    }

    public CatalogSnapshot Catalog { get; }

    public AuditTarget Target { get; }

    public AuditOptions Options { get; }

    public string AppRole => Target.AppRole;

    public string TenantColumn { get; }

    /// <summary>The tenant setting: given, or the one the tenant tables' policies compare with the tenant column (e.g.
    /// app.tenant_id); null when none could be found.</summary>
    public string? TenantSetting { get; }

    /// <summary>How the tenant tables' policies use settings: tenant-setting candidates, switches, identities.</summary>
    public PolicySettings PolicySettings { get; }

    /// <summary>Every setting the tenant tables' policies read, directly or through the functions they call: a given
    /// tenant setting outside this set is one no policy reads.</summary>
    public IReadOnlyCollection<string> SettingsRead => PolicySettings.SettingsRead;

    /// <summary>Tables (and partitions) that hold the tenant column or are listed as tenant-owned.</summary>
    public IReadOnlyList<TableInfo> TenantTables { get; }

    internal EffectivePolicyAnalysis Policies { get; }

    public bool IsTenantTable(uint oid) => _tenantTableOids.Contains(oid);

    /// <summary>Tenant tables that are not partitions (partitions have their own rule, TG1018).</summary>
    public IEnumerable<TableInfo> TopLevelTenantTables => TenantTables.Where(t => t.PartitionOf is null);

    /// <summary>True when the app role is the given role or inherits its privileges.</summary>
    public bool AppActsAs(string role) => role == AppRole || Catalog.AppRole.InheritsFrom.Contains(role);

    /// <summary>Policies PostgreSQL applies to the app role: TO PUBLIC, TO the app role, or TO a role it inherits.</summary>
    public IReadOnlyList<PolicyInfo> PoliciesForApp(TableInfo table) =>
        Catalog.PoliciesOn(table).Where(p => p.Roles.Any(r => r == "public" || AppActsAs(r))).ToList();

    /// <summary>True when the role reads the table without its policies: it bypasses RLS, or owns the table and RLS
    /// is not forced.</summary>
    public bool ReadsWithoutPolicies(string role, TableInfo table) =>
        Catalog.Bypasses(role) || (role == table.Owner && !table.RlsForced);

    /// <summary>A role as messages name it: the role the harness runs the migrations as stands for the user's own
    /// migration role, so it is called that, never by the harness's name.</summary>
    public string RoleName(string role) =>
        role == Target.OwnerRole && OwnerRoles.IsHarnessOwner(role) ? "the role that runs the migrations" : role;

    /// <summary>How fixes spell the tenant policy: the same setting and shape as the attacks' fixes.</summary>
    public TenantPolicyFix Fix => _fix ??= new TenantPolicyFix(TenantColumn, TenantSetting, AppRole);

    /// <summary>The condition a correct policy uses, e.g. <c>tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid</c>.</summary>
    public string TenantPredicate(TableInfo table) => Fix.Predicate(TenantType(table));

    /// <summary>The SQL that gives a table the standard tenant policy.</summary>
    public string TenantPolicySql(TableInfo table, string command = "ALL") => Fix.CreatePolicy(table.Schema, table.Name, TenantType(table), command);

    private string TenantType(TableInfo table) => table.Column(TenantColumn)?.Type ?? "text";

    private static bool Listed(IReadOnlyList<string> names, TableInfo table) =>
        names.Any(n => string.Equals(n, table.QualifiedName, StringComparison.OrdinalIgnoreCase)
                       || string.Equals(n, table.Name, StringComparison.OrdinalIgnoreCase));
}
