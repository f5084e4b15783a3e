using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Audit.Rules;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;
using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Bench.Diagnosis;

/// <summary>
/// What in a table's policies and indexes makes RLS slow, from the audit's own analysis: TG1007 (no index leads with
/// the tenant column) and TG1008 (a policy wraps the tenant column in a cast or function, confirmed by EXPLAIN) as the
/// audit reports them, plus two causes the audit does not report because they do not weaken isolation: a VOLATILE
/// function the policy calls outside a subquery (evaluated per row, never an index condition), and OR branches (in one
/// policy, or across permissive policies, which PostgreSQL ORs) that a tenant index cannot serve alone.
/// </summary>
public sealed class PolicyDiagnosis
{
    private readonly Dictionary<string, List<SlowCause>> _causes;

    private PolicyDiagnosis(Dictionary<string, List<SlowCause>> causes, IReadOnlyDictionary<string, IReadOnlyList<string>> policies)
    {
        _causes = causes;
        Policies = policies;
    }

    /// <summary>Per table, the policies that apply to the app role, as "name: USING (…)".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Policies { get; }

    public IReadOnlyList<SlowCause> For(string table) => _causes.GetValueOrDefault(table) ?? [];

    public IEnumerable<SlowCause> All => _causes.Values.SelectMany(c => c);

    public static async Task<PolicyDiagnosis> ReadAsync(TenantDatabase database, CancellationToken ct)
    {
        var catalog = await CatalogReader.ReadAsync(database.AdminConnectionString, database.AppRole, ct).ConfigureAwait(false);
        var context = new AuditContext(catalog, AuditTarget.From(database), new AuditOptions());
        var causes = new Dictionary<string, List<SlowCause>>(StringComparer.Ordinal);
        void Add(SlowCause cause)
        {
            if (!causes.TryGetValue(cause.Table, out var list))
                causes[cause.Table] = list = [];
            list.Add(cause);
        }

        foreach (var finding in await new TG1007NoTenantIndex().EvaluateAsync(context, ct).ConfigureAwait(false))
            Add(new SlowCause(finding.Table!, "missing-tenant-index", finding.Rule, null, finding.Message, finding.Fix, RuleDocs.HelpUriFor(finding.Rule)));
        foreach (var finding in await new TG1008PolicyNotIndexFriendly().EvaluateAsync(context, ct).ConfigureAwait(false))
            Add(new SlowCause(finding.Table!, "cast-on-tenant-column", finding.Rule, finding.Object.Split(' ')[0], finding.Message, finding.Fix,
                RuleDocs.HelpUriFor(finding.Rule)));

        var policies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled))
        {
            var applying = context.PoliciesForApp(table).Where(p => p.Command is PolicyCommand.All or PolicyCommand.Select && p.Using is not null).ToList();
            policies[table.QualifiedName] = applying.Select(p => $"{p.Name}: USING ({p.Using})").ToList();
            foreach (var policy in applying)
            {
                foreach (var function in VolatileCalls(policy.Using!, catalog))
                {
                    Add(new SlowCause(table.QualifiedName, "function-per-row", AuditRules.TG1008.Id, policy.Name,
                        $"Policy {policy.Name} on {table.QualifiedName} calls {function}(), which is VOLATILE: PostgreSQL calls it again for every " +
                        $"row it reads and cannot use it to look up an index on {context.TenantColumn}, so each query reads every tenant's rows.",
                        $"Wrap the call so it runs once per query, ({function}() becomes (SELECT {function}())), or declare the function STABLE " +
                        "if it only reads settings: ALTER FUNCTION … STABLE;",
                        RuleDocs.HelpUriFor(AuditRules.TG1008.Id)));
                }

                var branches = context.Policies.Verdict(table, policy.Using!).Branches;
                if (branches.Count > 1)
                    Add(OrBranch(table, policy.Name, $"policy {policy.Name}'s {branches.Count} OR branches ({string.Join(" | ", branches.Select(b => Short(b.Condition)))})"));
            }

            // PostgreSQL ORs the permissive policies of a command: a second one is a second branch.
            var permissive = applying.Where(p => p.Permissive).ToList();
            if (permissive.Count > 1)
                Add(OrBranch(table, string.Join(", ", permissive.Select(p => p.Name)), $"its permissive policies {string.Join(" OR ", permissive.Select(p => p.Name))}"));
        }

        return new PolicyDiagnosis(causes, policies);
    }

    private static SlowCause OrBranch(TableInfo table, string policy, string condition) => new(
        table.QualifiedName, "or-branch", AuditRules.TG1008.Id, policy,
        $"On {table.QualifiedName} RLS filters by {condition}: a row passes through either branch, so an index on the tenant column " +
        "alone cannot find the rows; the planner falls back to a scan (or a BitmapOr) for every query.",
        "Give the other branch an index of its own (a partial index on its condition), or move it out of the tenant's hot path " +
        "(a separate query, or a RESTRICTIVE policy for conditions every row must meet).",
        RuleDocs.HelpUriFor(AuditRules.TG1008.Id));

    private static string Short(string condition)
    {
        var flat = string.Join(' ', condition.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }

    /// <summary>User functions the expression calls outside a subquery (a subquery runs once, as an InitPlan) that are VOLATILE.</summary>
    private static IEnumerable<string> VolatileCalls(string expression, CatalogSnapshot catalog)
    {
        if (SqlExpressionReader.Read(expression).Expression is not { } tree)
            yield break;
        var pending = new Stack<SqlExpression>([tree]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var node))
        {
            if (node is FunctionCallExpression call
                && catalog.Functions.Any(f => f.Name == call.Name && (call.Schema is null || f.Schema == call.Schema) && f.IsVolatile)
                && seen.Add(call.Name))
            {
                yield return call.Schema is null ? call.Name : $"{call.Schema}.{call.Name}";
            }

            foreach (var child in node.Children)
                pending.Push(child);
        }
    }
}
