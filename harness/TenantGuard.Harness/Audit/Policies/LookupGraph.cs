namespace TenantGuard.Harness.Audit.Policies;

/// <summary>
/// The equalities a lookup (EXISTS, IN (SELECT …), a function body's SELECT … FROM … WHERE) imposes, as a graph of
/// the policy row's tenant column, the caller's identity, and the tables the lookup reads. The lookup binds the row
/// to the tenant when the tenant column and the caller are connected: <c>m.account_id = docs.account_id AND
/// m.user_id = auth.uid()</c> connects them through m.
/// </summary>
internal sealed class LookupGraph
{
    public static readonly object Tenant = "tenant column";
    public static readonly object Caller = "caller";

    private readonly Dictionary<object, object> _parent = [];

    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>The table each inner node (a FROM alias in its scope) reads.</summary>
    public Dictionary<object, string> AliasTables { get; } = [];

    /// <summary>Settings of the caller values the lookup is keyed on (auth.uid()'s request.jwt.claim.sub).</summary>
    public HashSet<string> CallerSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>Settings compared directly with the tenant column inside the lookup.</summary>
    public HashSet<string> TenantSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns the lookup compares with themselves (<c>wu.account_id = account_id</c> inside a subquery on
    /// account_user): always true, the classic way a membership check stops looking at the row.</summary>
    public HashSet<string> SelfComparisons { get; } = new(StringComparer.Ordinal);

    /// <summary>Lookup columns equated with the caller, with the settings the caller value reads.</summary>
    public List<(object Node, string Column, IReadOnlySet<string> Settings)> CallerColumns { get; } = [];

    /// <summary>Lookup columns equated with the policy row's tenant column.</summary>
    public List<(object Node, string Column)> TenantColumns { get; } = [];

    /// <summary>True once anything in the lookup was equated with the caller.</summary>
    public bool KeyedOnCaller { get; private set; }

    /// <summary>True once anything in the lookup was equated with the policy row's tenant column.</summary>
    public bool Correlated { get; private set; }

    public void Link(object a, object b)
    {
        KeyedOnCaller |= a == Caller || b == Caller;
        Correlated |= a == Tenant || b == Tenant;
        var rootA = Find(a);
        var rootB = Find(b);
        if (!rootA.Equals(rootB))
            _parent[rootA] = rootB;
    }

    public bool Connected(object a, object b) => Find(a).Equals(Find(b));

    private object Find(object node)
    {
        while (_parent.TryGetValue(node, out var parent))
            node = parent;
        return node;
    }
}
