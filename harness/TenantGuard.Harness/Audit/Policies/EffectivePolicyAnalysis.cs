using TenantGuard.Harness.Catalog;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Combines a table's policies the way PostgreSQL does for each command. Permissive policies are ORed,
/// restrictive ones ANDed on top. USING filters SELECT/UPDATE/DELETE; WITH CHECK guards INSERT/UPDATE, and a FOR ALL or
/// FOR UPDATE policy without WITH CHECK uses its USING as the check. A policy with no expression for the aspect adds
/// nothing (PostgreSQL then denies, as with no policy at all).</summary>
internal sealed class EffectivePolicyAnalysis(TenantPredicateAnalyzer analyzer)
{
    private readonly Dictionary<string, PredicateVerdict> _cache = new(StringComparer.Ordinal);

    public PredicateVerdict Verdict(string expression)
    {
        if (!_cache.TryGetValue(expression, out var verdict))
            _cache[expression] = verdict = analyzer.Analyze(expression);
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
            .Select(p => (p.Policy, Verdict: Verdict(p.Expression!)))
            .ToList();

        var permissive = relevant.Where(p => p.Policy.Permissive).ToList();
        if (permissive.Count == 0)
            return new CommandVerdict(table, name, aspect, TenantBinding.Bound, NoPolicy: true, null, "");

        var widest = permissive.MaxBy(p => p.Verdict.Binding);
        var restrictive = relevant.Where(p => !p.Policy.Permissive).ToList();
        var narrowestRestriction = restrictive.Count == 0 ? (TenantBinding?)null : restrictive.Min(p => p.Verdict.Binding);
        var binding = narrowestRestriction is { } r && r < widest.Verdict.Binding ? r : widest.Verdict.Binding;
        return new CommandVerdict(table, name, aspect, binding, NoPolicy: false, widest.Policy.Name, widest.Verdict.Culprit);
    }
}
