namespace TenantGuard.Harness.Catalog;

// Immutable facts read from the system catalogs. Rules decide from these; they never query the catalog themselves.

/// <param name="GeneratedId">The database makes its values: identity, generated, a sequence (serial) or a random uuid
/// default — unique by construction, so no tenant chose them.</param>
public sealed record ColumnInfo(string Name, string Type, bool NotNull, int Number, bool GeneratedId = false);

/// <summary>What the application role may do to a relation (schema USAGE included).</summary>
public sealed record TablePrivileges(bool Select, bool Insert, bool Update, bool Delete, bool Truncate)
{
    public static readonly TablePrivileges None = new(false, false, false, false, false);

    public bool Any => Select || Insert || Update || Delete || Truncate;
}

/// <summary>An ordinary or partitioned table.</summary>
public sealed record TableInfo(
    uint Oid,
    string Schema,
    string Name,
    bool IsPartitioned,
    string Owner,
    bool RlsEnabled,
    bool RlsForced,
    uint? PartitionOf,
    IReadOnlyList<ColumnInfo> Columns,
    TablePrivileges AppPrivileges,
    bool AppActsAsOwner)
{
    public string QualifiedName => $"{Schema}.{Name}";

    public ColumnInfo? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

public enum PolicyCommand
{
    All,
    Select,
    Insert,
    Update,
    Delete,
}

/// <summary>A row-level security policy with its expressions as PostgreSQL deparses them (pg_get_expr).</summary>
public sealed record PolicyInfo(
    uint TableOid,
    string Name,
    PolicyCommand Command,
    bool Permissive,
    IReadOnlyList<string> Roles,
    string? Using,
    string? WithCheck);

/// <summary>An index; Columns holds the key columns in order, null for an expression key.</summary>
public sealed record IndexInfo(
    uint TableOid,
    string Schema,
    string Name,
    IReadOnlyList<string?> Columns,
    string Definition,
    bool Unique,
    bool Primary,
    bool Partial,
    string? Constraint);

public sealed record ForeignKeyInfo(
    string Name,
    uint TableOid,
    IReadOnlyList<string> Columns,
    uint ReferencedOid,
    IReadOnlyList<string> ReferencedColumns);

/// <summary>A view or materialized view with the relations its rewrite rule reads directly.</summary>
public sealed record ViewInfo(
    uint Oid,
    string Schema,
    string Name,
    bool Materialized,
    string Owner,
    bool SecurityInvoker,
    IReadOnlyList<uint> DependsOn,
    bool AppCanSelect)
{
    public string QualifiedName => $"{Schema}.{Name}";
}

/// <param name="Volatility">pg_proc.provolatile: 'i' immutable, 's' stable, 'v' volatile.</param>
public sealed record FunctionInfo(
    uint Oid,
    string Schema,
    string Name,
    string Signature,
    string Owner,
    bool SecurityDefiner,
    bool Leakproof,
    IReadOnlyList<string> Config,
    string Definition,
    string Language,
    bool AppCanExecute,
    char Volatility = 'v')
{
    /// <summary>VOLATILE: PostgreSQL calls it again for every row and never uses it to look up an index.</summary>
    public bool IsVolatile => Volatility == 'v';

    /// <summary>True when the function pins search_path (SET search_path = …), so callers cannot hijack the names
    /// it resolves.</summary>
    public bool HasFixedSearchPath => Config.Any(c => c.StartsWith("search_path=", StringComparison.OrdinalIgnoreCase));
}

public sealed record RoleInfo(string Name, bool Superuser, bool BypassRls, bool CanLogin)
{
    /// <summary>Row-level security never applies to this role.</summary>
    public bool BypassesRls => Superuser || BypassRls;
}

/// <summary>The application role and the roles it can become (SET ROLE) or inherits privileges from.</summary>
public sealed record AppRoleInfo(RoleInfo Role, IReadOnlyList<string> CanSetRoleTo, IReadOnlyList<string> InheritsFrom);
