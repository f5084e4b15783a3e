namespace TenantGuard.Harness.Audit.Policies;

internal enum ValueKind
{
    /// <summary>Something the reader cannot place (an unknown function, CASE, an unreadable body).</summary>
    Unknown,

    /// <summary>A literal, NULL, or a parameter default.</summary>
    Constant,

    /// <summary>The policy row's tenant column (also through a function parameter it was passed to).</summary>
    TenantColumn,

    /// <summary>Another column of the policy row.</summary>
    RowColumn,

    /// <summary>A column of a table a subquery or function body reads.</summary>
    InnerColumn,

    /// <summary>Session state: a setting (current_setting, or a function returning one such as auth.uid()), or the
    /// session's role (current_user).</summary>
    Session,

    /// <summary>Values looked up in a table by the caller's identity: the caller's tenant(s).</summary>
    Membership,
}

/// <summary>What a scalar expression is, as far as tenant isolation cares.</summary>
internal sealed record ValueFacts(ValueKind Kind, string Text)
{
    private static readonly IReadOnlySet<string> NoSettings = new HashSet<string>();

    /// <summary>A TenantColumn under a cast or function call (an index on the column cannot serve it).</summary>
    public bool Wrapped { get; init; }

    /// <summary>A Session value read from a setting, which every role can SET (not current_user).</summary>
    public bool Settable { get; init; }

    /// <summary>The settings the value is read from (Session), or its lookup is keyed on (Membership).</summary>
    public IReadOnlySet<string> Settings { get; init; } = NoSettings;

    /// <summary>The column name of a TenantColumn, RowColumn or InnerColumn.</summary>
    public string? Column { get; init; }

    /// <summary>For an InnerColumn: the scope and table alias it belongs to.</summary>
    public NameScope? Scope { get; init; }

    public string? Alias { get; init; }

    /// <summary>A Constant's value when it is a string or number literal (under any casts), as the server reads it.</summary>
    public string? Literal { get; init; }

    /// <summary>A Constant that is NULL or the empty string (no real fallback value).</summary>
    public bool IsEmpty { get; init; }

    /// <summary>Why an Unknown value could not be placed.</summary>
    public string? Why { get; init; }

    public bool IsCallerValue => Kind is ValueKind.Session or ValueKind.Membership;

    public static ValueFacts Unknown(string text, string why) => new(ValueKind.Unknown, text) { Why = why };
}
