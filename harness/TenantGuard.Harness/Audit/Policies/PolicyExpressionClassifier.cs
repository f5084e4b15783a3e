using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>
/// Classifies one policy expression on the SQL reader's tree: splits it into OR branches (NOT and AND pushed through,
/// boolean user functions expanded into their bodies), decides each condition, and collects how settings are used.
/// One instance per expression: it accumulates what it finds.
/// </summary>
/// <param name="tenantSettings">Settings known to carry the tenant: a lookup keyed on one of them relates the caller's
/// tenant to other tenants (a share table), it is not a membership of the caller.</param>
/// <param name="policyTable">The table the policy is on, when known.</param>
/// <param name="memberships">Membership tables the schema's lookups use, with their caller column.</param>
internal sealed partial class PolicyExpressionClassifier(string tenantColumn, PolicyFunctions functions, IReadOnlySet<string> tenantSettings,
    PolicyTable? policyTable = null, IReadOnlyCollection<(string Table, string CallerColumn)>? memberships = null)
{
    /// <summary>Function bodies followed this deep; deeper calls are unreadable rather than a risk of recursion.</summary>
    private const int MaxFunctionDepth = 6;

    /// <summary>OR branches kept before an expression counts as too complex to read.</summary>
    private const int MaxBranches = 64;

    private readonly List<string> _wrapped = [];
    private readonly IReadOnlyCollection<(string Table, string CallerColumn)> _memberships = memberships ?? [];

    public SettingUse Settings { get; } = new();

    /// <summary>Binding conditions whose tenant column is inside a cast or function call.</summary>
    public IReadOnlyList<string> Wrapped => _wrapped;

    public IReadOnlyList<PredicateBranch> Branches(SqlExpression expression, NameScope scope)
    {
        var branches = new List<PredicateBranch>();
        foreach (var literals in Disjuncts(expression, negated: false, scope))
        {
            var verdicts = literals.Select(Condition).ToList();
            var binding = BranchPrecedence.And(verdicts.Select(v => v.Binding));
            var deciding = verdicts.Where(v => v.Binding == binding).ToList();
            if (binding == TenantBinding.Bound)
                _wrapped.AddRange(deciding.Where(v => v.Wrapped).Select(v => v.Condition));
            var condition = deciding.Count == 0 ? "true" : string.Join(" AND ", deciding.Select(v => v.Condition).Distinct());
            var reason = deciding.Count == 0 ? "always true" : string.Join("; ", deciding.Select(v => v.Reason).Distinct());
            branches.Add(new PredicateBranch(binding, condition, reason));
        }
        return branches.Distinct().ToList();
    }

    /// <summary>One condition with the NOT applied to it, in the scope its names resolve in.</summary>
    private sealed record Literal(SqlExpression Expression, bool Negated, NameScope Scope);

    /// <summary>The expression as OR branches of ANDed literals (disjunctive normal form).</summary>
    private List<List<Literal>> Disjuncts(SqlExpression expression, bool negated, NameScope scope)
    {
        var node = Strip(expression);
        switch (node)
        {
            case BinaryExpression { Operator: "and" or "or" } binary:
                var left = Disjuncts(binary.Left, negated, scope);
                var right = Disjuncts(binary.Right, negated, scope);
                // NOT (a AND b) = NOT a OR NOT b; NOT (a OR b) = NOT a AND NOT b.
                var union = (binary.Operator == "or") != negated;
                if (union)
                    return Bounded([.. left, .. right], node, negated, scope);
                return Bounded(left.SelectMany(l => right.Select(r => l.Concat(r).ToList())).Take(MaxBranches + 1).ToList(), node, negated, scope);
            case UnaryExpression { Operator: "not" } not:
                return Disjuncts(not.Operand, !negated, scope);
            case BinaryExpression { Operator: "=" or "<>" } comparison when BooleanOperand(comparison) is { } operand:
                // f(x) = true is f(x); f(x) = false and f(x) <> true are NOT f(x), as pg_get_expr prints them.
                return Disjuncts(operand.Expression, negated != ((comparison.Operator == "=") != operand.Value), scope);
            case IsExpression { Test: "true" or "false", Right: null } test:
                return Disjuncts(test.Operand, negated != (test.Negated != (test.Test == "false")), scope);
            case FunctionCallExpression call when ExpandableBody(call, scope) is { } body:
                return Disjuncts(body.Expression, negated, body.Scope);
            default:
                return [[new Literal(node, negated, scope)]];
        }
    }

    /// <summary>The other side of a comparison with a boolean constant, and the constant.</summary>
    private static (SqlExpression Expression, bool Value)? BooleanOperand(BinaryExpression comparison) =>
        Strip(comparison.Right) is LiteralExpression { Kind: LiteralKind.Boolean } right ? (comparison.Left, right.Value == "true")
        : Strip(comparison.Left) is LiteralExpression { Kind: LiteralKind.Boolean } left ? (comparison.Right, left.Value == "true")
        : null;

    private static List<List<Literal>> Bounded(List<List<Literal>> branches, SqlExpression node, bool negated, NameScope scope) =>
        branches.Count <= MaxBranches ? branches : [[new Literal(node, negated, scope)]];

    /// <summary>A boolean function whose body is one expression (no FROM): its branches are the call's branches.</summary>
    private (SqlExpression Expression, NameScope Scope)? ExpandableBody(FunctionCallExpression call, NameScope scope)
    {
        if (functions.Resolve(call) is not { } definition || !definition.Body.IsReadable || TooDeep(definition, scope))
            return null;
        if (definition.Body.Query is { From.Count: > 0 })
            return null;
        return (definition.Body.Expression!, BodyScope(definition, call, scope));
    }

    private static bool TooDeep(SqlFunctionDefinition definition, NameScope scope) =>
        scope.Depth >= MaxFunctionDepth || scope.Calls.Contains(Key(definition));

    private static string Key(SqlFunctionDefinition definition) => $"{definition.Schema}.{definition.Name}/{definition.InputParameters.Count}";

    /// <summary>The scope of a function body: each parameter (by name and $n) stands for the caller's argument.</summary>
    private NameScope BodyScope(SqlFunctionDefinition definition, FunctionCallExpression call, NameScope scope)
    {
        var parameters = new Dictionary<string, ValueFacts>(StringComparer.Ordinal);
        var inputs = definition.InputParameters;
        for (var i = 0; i < inputs.Count; i++)
        {
            var value = i < call.Arguments.Count
                ? Value(call.Arguments[i], scope)
                : new ValueFacts(ValueKind.Constant, "DEFAULT") { IsEmpty = true };
            parameters["$" + (i + 1)] = value;
            if (inputs[i].Name is { } name)
                parameters[name] = value;
        }
        return scope.FunctionBody(definition.Body.Text, definition.Name, Key(definition), Text(call, scope), parameters);
    }

    private static SqlExpression Strip(SqlExpression expression)
    {
        while (expression is ParenthesizedExpression parenthesized)
            expression = parenthesized.Inner;
        return expression;
    }

    /// <summary>The node's text as PostgreSQL printed it.</summary>
    private static string Text(SqlNode node, NameScope scope) => SqlNodeText.Of(scope.Text, node);

    /// <summary>The node's text, prefixed with the call chain when it comes from a function body.</summary>
    private static string Shown(SqlNode node, NameScope scope) =>
        scope.Via.Length == 0 ? Text(node, scope) : $"{scope.Via} → {Text(node, scope)}";
}
