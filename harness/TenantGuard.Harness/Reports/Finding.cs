namespace TenantGuard.Harness.Reports;

/// <summary>One problem found in a database: which rule, on which object, why it lets one tenant reach another, and
/// the SQL that fixes it.</summary>
/// <param name="Rule">The rule ID, e.g. TG1001.</param>
/// <param name="Object">The qualified object: public.orders, public.orders.tenant_id, a policy or a function signature.</param>
/// <param name="Fix">Runnable SQL (or, for attacks, the change to make).</param>
public sealed record Finding(string Rule, Severity Severity, string Object, string Message, string Fix)
{
    /// <summary>For attacks: the exact request that succeeded and the rows it reached. For the audit: what the
    /// database said (a policy expression, an EXPLAIN plan).</summary>
    public string? Evidence { get; init; }

    /// <summary>The table the finding belongs to, for grouping text output; null for objects without one (roles).</summary>
    public string? Table { get; init; }

    /// <summary>Where the migrations create the object, as <c>path:line</c> (relative to the working directory when
    /// below it); null when unknown.</summary>
    public string? Location { get; init; }
}
