using System.Collections.Concurrent;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>One row as text, column name → value (null for SQL NULL).</summary>
public sealed class SeededRow(IReadOnlyDictionary<string, string?> values)
{
    public IReadOnlyDictionary<string, string?> Values { get; } = values;

    public string? this[string column] => Values[column];
}

/// <summary>A table the seeder could not fill, and why.</summary>
public sealed record UnseededTable(SeedTable Table, string Reason);

/// <summary>What the seeder created: the synthetic tenants and, per tenant table, each tenant's rows. Tables are seeded
/// on several connections at once, one writer per table: the maps by table are concurrent, a table's own rows are not.</summary>
public sealed class SeedResult
{
    private readonly ConcurrentDictionary<string, Dictionary<string, List<SeededRow>>> _tenantRows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<SeededRow>> _globalRows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Dictionary<string, IReadOnlyList<SeededRow>>> _sharedRows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UnseededTable> _unseeded = new(StringComparer.Ordinal);

    public SeedResult(SeedSchema schema, IReadOnlyList<string> tenants, string tenantColumn, string tenantSqlType, SeedTable? tenantsTable)
    {
        Schema = schema;
        Tenants = tenants;
        TenantColumn = tenantColumn;
        TenantSqlType = tenantSqlType;
        TenantsTable = tenantsTable;
    }

    public SeedSchema Schema { get; }

    /// <summary>The synthetic tenants' values as text (what the tenant setting is set to).</summary>
    public IReadOnlyList<string> Tenants { get; }

    public string TenantColumn { get; }

    /// <summary>The tenant column's SQL type, for literals (uuid, bigint, text …).</summary>
    public string TenantSqlType { get; }

    /// <summary>The table the tenant column references (e.g. public.tenants), when there is one.</summary>
    public SeedTable? TenantsTable { get; }

    /// <summary>Tables with the tenant column: the ones attacked.</summary>
    public IEnumerable<SeedTable> TenantTables => Schema.Tables.Where(t => t.Column(TenantColumn) is not null);

    public IReadOnlyCollection<UnseededTable> Unseeded => _unseeded.Values.OrderBy(u => u.Table.QualifiedName, StringComparer.Ordinal).ToList();

    public string TenantLiteral(string tenant) => SqlText.Literal(tenant, TenantSqlType);

    /// <summary>The tenant as a literal of the table's own tenant column type (tables may differ: uuid here, text there).</summary>
    public string TenantLiteral(string tenant, SeedTable table) =>
        SqlText.Literal(tenant, table.Column(TenantColumn)?.SqlType ?? TenantSqlType);

    /// <summary>The rows of a synthetic tenant, or of a shared tenant the policies name.</summary>
    public IReadOnlyList<SeededRow> RowsOf(SeedTable table, string tenant) =>
        _tenantRows.TryGetValue(table.QualifiedName, out var byTenant) && byTenant.TryGetValue(tenant, out var rows) ? rows
        : SharedRowsOf(table).GetValueOrDefault(tenant) ?? [];

    public IReadOnlyList<SeededRow> GlobalRowsOf(SeedTable table) => _globalRows.GetValueOrDefault(table.QualifiedName) ?? [];

    /// <summary>True when every synthetic tenant has at least one row in the table.</summary>
    public bool IsSeeded(SeedTable table) => !_unseeded.ContainsKey(table.QualifiedName) && Tenants.All(t => RowsOf(table, t).Count > 0);

    internal void AddTenantRow(SeedTable table, string tenant, SeededRow row)
    {
        var byTenant = _tenantRows.GetOrAdd(table.QualifiedName, _ => new Dictionary<string, List<SeededRow>>(StringComparer.Ordinal));
        if (!byTenant.TryGetValue(tenant, out var rows))
        {
            rows = [];
            byTenant[tenant] = rows;
        }

        rows.Add(row);
    }

    internal void ReplaceTenantRows(SeedTable table, string tenant, IEnumerable<SeededRow> rows)
    {
        if (_tenantRows.TryGetValue(table.QualifiedName, out var byTenant))
        {
            byTenant.Remove(tenant);
        }

        foreach (var row in rows)
        {
            AddTenantRow(table, tenant, row);
        }
    }

    /// <summary>Rows of a tenant the policies name (a platform tenant every tenant sees), by table and tenant.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SeededRow>> SharedRowsOf(SeedTable table) =>
        _sharedRows.GetValueOrDefault(table.QualifiedName) ?? new Dictionary<string, IReadOnlyList<SeededRow>>();

    internal void AddSharedRow(SeedTable table, string tenant, SeededRow row)
    {
        var byTenant = _sharedRows.GetOrAdd(table.QualifiedName, _ => new Dictionary<string, IReadOnlyList<SeededRow>>(StringComparer.Ordinal));
        byTenant[tenant] = [.. byTenant.GetValueOrDefault(tenant) ?? [], row];
    }

    internal void AddGlobalRow(SeedTable table, SeededRow row)
    {
        _globalRows.GetOrAdd(table.QualifiedName, _ => []).Add(row);
    }

    internal void MarkUnseeded(SeedTable table, string reason) => _unseeded.TryAdd(table.QualifiedName, new UnseededTable(table, reason));

    internal void ClearUnseeded(SeedTable table) => _unseeded.TryRemove(table.QualifiedName, out _);

    internal bool IsMarkedUnseeded(SeedTable table) => _unseeded.ContainsKey(table.QualifiedName);

    /// <summary>Why a table (a tenant table, the tenant registry or a shared parent) could not be seeded, or null.</summary>
    internal string? UnseededReason(SeedTable table) => _unseeded.GetValueOrDefault(table.QualifiedName)?.Reason;
}
