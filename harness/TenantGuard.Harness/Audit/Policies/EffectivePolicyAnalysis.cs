using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Combines a table's policies the way PostgreSQL does for each command. Permissive policies are ORed,
/// restrictive ones ANDed on top. USING filters SELECT/UPDATE/DELETE; WITH CHECK guards INSERT/UPDATE, and a FOR ALL or
/// FOR UPDATE policy without WITH CHECK uses its USING as the check. A policy with no expression for the aspect adds
/// nothing (PostgreSQL then denies, as with no policy at all). Every unbound branch that survives the combination is
/// reported: no cause hides another.</summary>
internal sealed class EffectivePolicyAnalysis(TenantPredicateAnalyzer analyzer)
{
    /// <summary>Combinations of restrictive branches followed before settling for the permissive causes alone.</summary>
    private const int MaxCombinations = 256;

    private readonly Dictionary<(uint Table, string Expression), PredicateVerdict> _cache = [];

    /// <summary>The verdict of one of the table's policy expressions (cached: rules ask for the same ones).</summary>
    public PredicateVerdict Verdict(TableInfo table, string expression)
    {
        if (!_cache.TryGetValue((table.Oid, expression), out var verdict))
            _cache[(table.Oid, expression)] = verdict = analyzer.Analyze(expression, new PolicyTable(table.QualifiedName, table.Name));
        return verdict;
    }

    public IEnumerable<CommandVerdict> Analyze(TableInfo table, IReadOnlyList<PolicyInfo> policies)
    {
        var privileges = table.AppPrivileges;
        if (privileges.Select)
            yield return Combine(table, policies, PolicyCommand.Select, "USING", p => p.Using);
        if (privileges.Insert)
            yield return Combine(table, policies, PolicyCommand.Insert, "WITH CHECK", CheckOf);
        if (privileges.Update)
        {
            yield return Combine(table, policies, PolicyCommand.Update, "USING", p => p.Using);
            yield return Combine(table, policies, PolicyCommand.Update, "WITH CHECK", CheckOf);
        }
        if (privileges.Delete)
            yield return Combine(table, policies, PolicyCommand.Delete, "USING", p => p.Using);
    }

    private static string? CheckOf(PolicyInfo policy) =>
        policy.WithCheck ?? (policy.Command is PolicyCommand.All or PolicyCommand.Update ? policy.Using : null);

    private CommandVerdict Combine(
        TableInfo table, IReadOnlyList<PolicyInfo> policies, PolicyCommand command, string aspect, Func<PolicyInfo, string?> expressionOf)
    {
        var name = command.ToString().ToUpperInvariant();
        var relevant = policies
            .Where(p => p.Command == PolicyCommand.All || p.Command == command)
            .Select(p => (Policy: p, Expression: expressionOf(p)))
            .Where(p => p.Expression is not null)
            .Select(p => (p.Policy, Verdict: Verdict(table, p.Expression!)))
            .ToList();

        var permissive = relevant.Where(p => p.Policy.Permissive).ToList();
        if (permissive.Count == 0)
            return new CommandVerdict(table, name, aspect, NoPolicy: true, []);

        var restrictive = relevant.Where(p => !p.Policy.Permissive).ToList();
        // A restrictive policy whose every branch is bound closes every permissive branch.
        if (restrictive.Any(r => r.Verdict.Binding == TenantBinding.Bound))
            return new CommandVerdict(table, name, aspect, NoPolicy: false, []);

        var causes = new List<PolicyCause>();
        foreach (var (policy, verdict) in permissive)
        {
            foreach (var branch in verdict.Causes)
                causes.AddRange(Through(new PolicyCause(branch.Binding, policy, branch.Condition, branch.Reason), restrictive));
        }
        return new CommandVerdict(table, name, aspect, NoPolicy: false, causes.Distinct().ToList());
    }

    /// <summary>An unbound permissive branch ANDed with one branch of each restrictive policy: each combination is
    /// decided like one branch, and the parts that decide it are the causes.</summary>
    private static IEnumerable<PolicyCause> Through(PolicyCause cause, List<(PolicyInfo Policy, PredicateVerdict Verdict)> restrictive)
    {
        IEnumerable<List<PolicyCause>> combinations = [[cause]];
        var count = 1;
        foreach (var (policy, verdict) in restrictive)
        {
            var branches = verdict.Causes.Select(b => new PolicyCause(b.Binding, policy, b.Condition, b.Reason)).ToList();
            count *= Math.Max(branches.Count, 1);
            if (count > MaxCombinations)
                return [cause];
            combinations = combinations.SelectMany(c => branches.Select(b => c.Append(b).ToList())).ToList();
        }
        return combinations.SelectMany(parts =>
        {
            var binding = BranchPrecedence.And(parts.Select(p => p.Binding));
            return parts.Where(p => p.Binding == binding);
        });
    }
}
