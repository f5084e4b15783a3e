namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Where names are resolved: the policy's own row, a subquery's tables, or a function body with its
/// parameters bound to the caller's arguments.</summary>
internal sealed class NameScope
{
    private NameScope(string text, NameScope? outer, bool isPolicyLevel, string? function,
        IReadOnlyDictionary<string, ValueFacts>? parameters, IReadOnlySet<string> aliases, string via, int depth, IReadOnlySet<string> calls)
    {
        Text = text;
        Outer = outer;
        IsPolicyLevel = isPolicyLevel;
        Function = function;
        Parameters = parameters;
        Aliases = aliases;
        Via = via;
        Depth = depth;
        Calls = calls;
    }

    /// <summary>The text the nodes of this scope were read from.</summary>
    public string Text { get; }

    public NameScope? Outer { get; }

    public bool IsPolicyLevel { get; }

    /// <summary>The function whose body this is (parameters can be qualified with its name).</summary>
    public string? Function { get; }

    public IReadOnlyDictionary<string, ValueFacts>? Parameters { get; }

    /// <summary>Table aliases (or names) of a subquery's FROM.</summary>
    public IReadOnlySet<string> Aliases { get; }

    /// <summary>The call chain that led here ("has_role_on_account(account_id)"), for messages.</summary>
    public string Via { get; }

    /// <summary>How many function bodies deep.</summary>
    public int Depth { get; }

    /// <summary>Functions on the call chain, to stop recursion.</summary>
    public IReadOnlySet<string> Calls { get; }

    public static NameScope Policy(string text) =>
        new(text, null, true, null, null, new HashSet<string>(), "", 0, new HashSet<string>());

    public NameScope Subquery(IReadOnlySet<string> aliases) =>
        new(Text, this, false, Function, null, aliases, Via, Depth, Calls);

    /// <param name="function">The function's name, which can qualify its parameters.</param>
    /// <param name="key">The function's identity on the call chain.</param>
    /// <param name="call">The call as the caller wrote it.</param>
    public NameScope FunctionBody(string text, string function, string key, string call, IReadOnlyDictionary<string, ValueFacts> parameters) =>
        new(text, null, false, function, parameters, new HashSet<string>(), Via.Length == 0 ? call : $"{Via} → {call}", Depth + 1,
            new HashSet<string>(Calls) { key });

    /// <summary>The parameter an unqualified name or $n refers to, in this scope or an enclosing one.</summary>
    public ValueFacts? Parameter(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Outer)
            if (scope.Parameters is { } parameters && parameters.TryGetValue(name, out var value))
                return value;
        return null;
    }
}
