namespace TenantGuard.Harness.Attacks.Seeding;

// What the seeder and the attack plans need to know about a database, read from the system catalogs.

/// <param name="SqlType">The column's type as SQL spells it (format_type), used for casts.</param>
/// <param name="BaseType">pg_type.typname of the type, or of a domain's base type.</param>
/// <param name="Category">pg_type.typcategory (A array, B bool, D date/time, N numeric, S string, U user, …).</param>
/// <param name="Identity">pg_attribute.attidentity: 'a' always, 'd' by default, '\0' none.</param>
public sealed record SeedColumn(
    string Name,
    string SqlType,
    string BaseType,
    char Category,
    bool NotNull,
    bool HasDefault,
    char Identity,
    bool Generated,
    int? MaxLength,
    IReadOnlyList<string> EnumLabels)
{
    /// <summary>The database fills it itself; the seeder never writes it.</summary>
    public bool DatabaseFilled => Generated || Identity == 'a';
}

public sealed record SeedForeignKey(string Name, IReadOnlyList<string> Columns, string ReferencedTable, IReadOnlyList<string> ReferencedColumns);

public sealed record SeedTable(
    string Schema,
    string Name,
    IReadOnlyList<SeedColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> UniqueKeys,
    IReadOnlyList<SeedForeignKey> ForeignKeys,
    IReadOnlyList<string> Checks,
    bool AppCanSelect,
    bool AppCanInsert,
    bool AppCanUpdate,
    bool AppCanDelete)
{
    public string QualifiedName => $"{Schema}.{Name}";

    /// <summary>The table as SQL names it, quoted where needed.</summary>
    public string Sql => $"{SqlText.Identifier(Schema)}.{SqlText.Identifier(Name)}";

    public SeedColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>True when the column alone is the primary or a unique key: one row per tenant, as in a tenant registry
    /// (tenants, accounts), whose rows cannot be copied for the same tenant nor moved onto another tenant's.</summary>
    public bool IsOneRowPerValueOf(string column) =>
        (PrimaryKey.Count == 1 && PrimaryKey[0] == column) || UniqueKeys.Any(k => k.Count == 1 && k[0] == column);

    /// <summary>Columns that identify one row: the primary key, else the first unique key, else every NOT NULL column.</summary>
    public IReadOnlyList<string> RowKey =>
        PrimaryKey.Count > 0 ? PrimaryKey
        : UniqueKeys.Count > 0 ? UniqueKeys[0]
        : Columns.Where(c => c.NotNull).Select(c => c.Name).ToList();
}

/// <summary>A view or materialized view the application role can select from.</summary>
public sealed record SeedView(string Schema, string Name, bool Materialized, bool HasTenantColumn)
{
    public string QualifiedName => $"{Schema}.{Name}";

    public string Sql => $"{SqlText.Identifier(Schema)}.{SqlText.Identifier(Name)}";
}

/// <summary>A set-returning function the application role can execute.</summary>
public sealed record SeedFunction(
    string Schema,
    string Name,
    string Signature,
    IReadOnlyList<string> ArgumentNames,
    IReadOnlyList<string> ArgumentTypes,
    bool ResultHasTenantColumn,
    bool SecurityDefiner);

/// <summary>A function whose body changes the tenant setting (e.g. a set_tenant_context(uuid) function).</summary>
public sealed record TenantSettingFunction(string Schema, string Name, string Signature, string ArgumentType);

public sealed record SeedSchema(
    IReadOnlyList<SeedTable> Tables,
    IReadOnlyList<SeedView> Views,
    IReadOnlyList<SeedFunction> Functions,
    IReadOnlyList<TenantSettingFunction> TenantSettingFunctions)
{
    private Dictionary<string, SeedTable>? _byName;

    /// <summary>By qualified name; looked up per foreign key of every row and attack, so by index, not by scan.</summary>
    public SeedTable? Table(string qualifiedName) =>
        (_byName ??= Tables.GroupBy(t => t.QualifiedName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
        .GetValueOrDefault(qualifiedName);

    /// <summary>The table most foreign keys on the tenant column alone point at (tenants, organizations, teams …) and
    /// the column they point at; (null, null) when none does.</summary>
    public (SeedTable? Table, string? Key) TenantsTable(string tenantColumn)
    {
        var best = Tables
            .Where(t => t.Column(tenantColumn) is not null)
            .SelectMany(t => t.ForeignKeys)
            .Where(f => f.Columns.Count == 1 && f.Columns[0] == tenantColumn)
            .GroupBy(f => (f.ReferencedTable, Key: f.ReferencedColumns[0]))
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        return best is null ? (null, null) : (Table(best.Key.ReferencedTable), best.Key.Key);
    }
}
