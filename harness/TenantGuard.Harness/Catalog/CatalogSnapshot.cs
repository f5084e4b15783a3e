namespace TenantGuard.Harness.Catalog;

/// <summary>Everything the audit needs to know about one database, read in one round trip.</summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<uint, TableInfo> _tablesByOid;

    public CatalogSnapshot(
        IReadOnlyList<TableInfo> tables,
        IReadOnlyList<PolicyInfo> policies,
        IReadOnlyList<IndexInfo> indexes,
        IReadOnlyList<ForeignKeyInfo> foreignKeys,
        IReadOnlyList<ViewInfo> views,
        IReadOnlyList<FunctionInfo> functions,
        IReadOnlyDictionary<string, RoleInfo> roles,
        AppRoleInfo appRole)
    {
        Tables = tables;
        Policies = policies;
        Indexes = indexes;
        ForeignKeys = foreignKeys;
        Views = views;
        Functions = functions;
        Roles = roles;
        AppRole = appRole;
        _tablesByOid = tables.ToDictionary(t => t.Oid);
    }

    public IReadOnlyList<TableInfo> Tables { get; }

    public IReadOnlyList<PolicyInfo> Policies { get; }

    public IReadOnlyList<IndexInfo> Indexes { get; }

    public IReadOnlyList<ForeignKeyInfo> ForeignKeys { get; }

    public IReadOnlyList<ViewInfo> Views { get; }

    public IReadOnlyList<FunctionInfo> Functions { get; }

    public IReadOnlyDictionary<string, RoleInfo> Roles { get; }

    public AppRoleInfo AppRole { get; }

    public TableInfo? Table(uint oid) => _tablesByOid.GetValueOrDefault(oid);

    public IEnumerable<PolicyInfo> PoliciesOn(TableInfo table) => Policies.Where(p => p.TableOid == table.Oid);

    public IEnumerable<IndexInfo> IndexesOn(TableInfo table) => Indexes.Where(i => i.TableOid == table.Oid);

    /// <summary>True when the role is a superuser or has BYPASSRLS (unknown roles count as not bypassing).</summary>
    public bool Bypasses(string role) => Roles.TryGetValue(role, out var info) && info.BypassesRls;

    /// <summary>The tables a view reads, through any number of nested views.</summary>
    public IReadOnlySet<uint> TablesBehind(ViewInfo view)
    {
        var viewsByOid = Views.ToDictionary(v => v.Oid);
        var tables = new HashSet<uint>();
        var seen = new HashSet<uint> { view.Oid };
        var pending = new Stack<uint>(view.DependsOn);
        while (pending.TryPop(out var oid))
        {
            if (!seen.Add(oid))
                continue;
            if (_tablesByOid.ContainsKey(oid))
                tables.Add(oid);
            else if (viewsByOid.TryGetValue(oid, out var inner))
                foreach (var next in inner.DependsOn)
                    pending.Push(next);
        }
        return tables;
    }
}
