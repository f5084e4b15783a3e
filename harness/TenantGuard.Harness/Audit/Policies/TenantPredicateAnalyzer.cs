using TenantGuard.Sql;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Decides, branch by branch, whether a deparsed policy expression binds the tenant column to the tenant.</summary>
/// <param name="functions">The database's user functions, so calls are judged by their bodies.</param>
/// <param name="tenantSettings">The settings known to carry the tenant (empty while they are being found).</param>
/// <param name="memberships">The membership tables the schema's lookups use (empty while they are being found).</param>
internal sealed class TenantPredicateAnalyzer(string tenantColumn, PolicyFunctions functions, IReadOnlySet<string>? tenantSettings = null,
    IReadOnlyCollection<(string Table, string CallerColumn)>? memberships = null)
{
    private readonly IReadOnlySet<string> _tenantSettings = tenantSettings ?? new HashSet<string>();

    /// <param name="table">The table the policy is on, so a membership table's own policy can be recognised.</param>
    public PredicateVerdict Analyze(string expression, PolicyTable? table = null)
    {
        var read = SqlExpressionReader.Read(expression);
        if (read.Expression is not { } tree)
            return Unreadable(expression, $"the audit cannot read the expression ({read.Error})");

        try
        {
            var classifier = new PolicyExpressionClassifier(tenantColumn, functions, _tenantSettings, table, memberships);
            var scope = NameScope.Policy(read.Text);
            var branches = classifier.Branches(tree, scope);
            var fallbacks = classifier.Fallbacks(tree, scope);
            return new PredicateVerdict(branches, classifier.Wrapped.Distinct().ToList(), fallbacks, classifier.Settings);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // One policy the analysis trips over must not stop the audit of every other table: it is unbound, with why.
            return Unreadable(expression, $"the audit could not analyse the expression ({e.Message})");
        }
    }

    private static PredicateVerdict Unreadable(string expression, string reason) =>
        new([new PredicateBranch(TenantBinding.Unbound, expression, reason)], [], [], new SettingUse());
}
