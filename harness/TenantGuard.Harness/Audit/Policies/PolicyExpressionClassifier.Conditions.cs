using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Deciding one condition (a DNF literal): bound, a switch, sharing, unbound or open.</summary>
internal sealed partial class PolicyExpressionClassifier
{
    // Row attributes that mark deliberate sharing: is_public, visibility = 'public', sharing_mode = 'global'.
    private static readonly string[] SharingWords = ["shared", "sharing", "public", "global", "visib"];

    private ConditionVerdict Condition(Literal literal)
    {
        var (expression, negated, scope) = literal;
        var shown = Shown(expression, scope);
        switch (expression)
        {
            case LiteralExpression { Kind: LiteralKind.Boolean } boolean:
                return (boolean.Value == "true") != negated
                    ? new ConditionVerdict(TenantBinding.Open, shown, "always true")
                    : new ConditionVerdict(TenantBinding.Bound, shown, "admits no row");
            case LiteralExpression { Kind: LiteralKind.Null }:
                return new ConditionVerdict(TenantBinding.Bound, shown, "admits no row");
            case BinaryExpression { Operator: "and" or "or" }:
                return new ConditionVerdict(TenantBinding.Unbound, shown, "has too many alternatives for the audit to read");
            case BinaryExpression { Right: QuantifiedExpression quantified } any:
                return Quantified(any, quantified, negated, scope, shown);
            case BinaryExpression comparison when IsComparison(comparison.Operator):
                var equality = (comparison.Operator == "=") != negated;
                return Compare(Value(comparison.Left, scope), Value(comparison.Right, scope), equality, comparison, negated, scope, shown);
            case IsExpression test:
                return Is(test, negated, scope, shown);
            case InExpression @in:
                return In(@in, negated, scope, shown);
            case ExistsExpression exists:
                return negated
                    ? new ConditionVerdict(TenantBinding.Unbound, shown, "NOT EXISTS only excludes rows; it does not tie them to the tenant")
                    : Lookup(exists.Query, scope, shown);
            case FunctionCallExpression call:
                return BooleanCall(call, negated, scope, shown);
            default:
                return BareValue(expression, negated, scope, shown);
        }
    }

    /// <summary>True when this policy is on a membership table and the column is the one its lookups key on the caller.</summary>
    private bool IsOwnMembershipColumn(string column) =>
        policyTable is { } table && _memberships.Any(m => m.CallerColumn == column
            && (m.Table == table.QualifiedName || (!m.Table.Contains('.', StringComparison.Ordinal) && m.Table == table.Name)));

    private static bool IsComparison(string op) => op is "=" or "<>" or "<" or ">" or "<=" or ">=" or "like" or "ilike"
        or "not like" or "not ilike" or "similar to" or "not similar to";

    /// <summary>Two values compared; <paramref name="equality"/> when the condition holds exactly when they are equal.</summary>
    private ConditionVerdict Compare(ValueFacts left, ValueFacts right, bool equality, SqlExpression node, bool negated, NameScope scope, string shown)
    {
        foreach (var (value, other) in new[] { (left, right), (right, left) })
        {
            if (value.Kind == ValueKind.TenantColumn && other.IsCallerValue)
            {
                if (!equality)
                    return new ConditionVerdict(TenantBinding.Unbound, shown, $"selects the rows whose {tenantColumn} is NOT the tenant's");
                if (other.Kind == ValueKind.Session)
                    Settings.Tenant.UnionWith(other.Settings);
                return new ConditionVerdict(TenantBinding.Bound, shown, $"ties {tenantColumn} to {other.Text}", value.Wrapped && scope.Depth == 0);
            }
        }
        foreach (var (value, other) in new[] { (left, right), (right, left) })
        {
            if (value.Kind == ValueKind.Session && (other.Kind == ValueKind.Constant || other.Kind == ValueKind.Session))
                return SessionAgainstConstant(value, other.Kind == ValueKind.Session ? other : null, shown);
            if (value.IsCallerValue && other.Kind == ValueKind.RowColumn && (value.Settings.Overlaps(tenantSettings) || IsSharingWord(other.Column!)))
                return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits rows that name the caller's tenant in {other.Column} (shared with it)");
            if (value.IsCallerValue && other.Kind == ValueKind.RowColumn && equality && IsOwnMembershipColumn(other.Column!))
            {
                Settings.Identity.UnionWith(value.Settings);
                return new ConditionVerdict(TenantBinding.Bound, shown,
                    $"admits the caller's own rows of {policyTable}, the table the policies look tenants up in: the rows that say which tenants the caller belongs to");
            }
            if (value.IsCallerValue && other.Kind == ValueKind.RowColumn)
            {
                Settings.Identity.UnionWith(value.Settings);
                return new ConditionVerdict(TenantBinding.Unbound, shown,
                    $"compares {other.Column} with the caller ({value.Text}), not {tenantColumn} with the tenant: rows are limited per user, and nothing ties them to the user's tenant");
            }
            if (value.Kind == ValueKind.TenantColumn && other.Kind == ValueKind.Constant)
            {
                if (equality && other.Literal is { Length: > 0 } literal)
                {
                    // A shared tenant (a platform tenant's rows every tenant reads): sharing to waive with a reason;
                    // the attacks seed that tenant and prove no other tenant can write it.
                    Settings.TenantLiterals.Add(literal);
                    return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits the rows of the fixed tenant {other.Text} to every tenant (a shared tenant)");
                }

                return new ConditionVerdict(TenantBinding.Unbound, shown, $"compares {tenantColumn} with a fixed value, not with the current tenant");
            }
        }
        if (left.Kind == ValueKind.Unknown || right.Kind == ValueKind.Unknown)
            return new ConditionVerdict(TenantBinding.Unbound, shown, (left.Kind == ValueKind.Unknown ? left : right).Why ?? "compares values the audit cannot place");
        return RowAttribute(node, negated, scope, shown);
    }

    /// <summary>A setting compared with a constant (or another setting): whoever SETs it decides. current_user compared with a
    /// constant is a role check: only members of that role pass.</summary>
    private ConditionVerdict SessionAgainstConstant(ValueFacts session, ValueFacts? otherSession, string shown)
    {
        if (!session.Settable && otherSession is not { Settable: true })
            return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits sessions by role ({session.Text}), across tenants");
        var settings = session.Settings.Concat(otherSession?.Settings ?? Enumerable.Empty<string>()).Distinct().ToList();
        Settings.Switch.UnionWith(settings);
        var names = settings.Count == 0 ? "a session setting" : string.Join(", ", settings);
        return new ConditionVerdict(TenantBinding.Switch, shown,
            $"opens the rows of every tenant when {names} has a chosen value, and any session can SET it");
    }

    /// <summary>x = ANY (…), x &lt;&gt; ALL (…).</summary>
    private ConditionVerdict Quantified(BinaryExpression node, QuantifiedExpression quantified, bool negated, NameScope scope, string shown)
    {
        var left = Value(node.Left, scope);
        var membership = node.Operator == "=" && !negated && quantified.Quantifier is "any" or "some";
        if (left.Kind == ValueKind.TenantColumn && membership)
            return quantified.Subquery is { } subquery
                ? InLookup(subquery, left, scope, shown)
                : Compare(left, Value(quantified.Argument!, scope), true, node, negated, scope, shown);
        var right = quantified.Argument is { } argument ? Value(argument, scope) : ValueFacts.Unknown(Text(quantified, scope), "a subquery");
        if (left.IsCallerValue && right.Kind == ValueKind.RowColumn && membership)
            return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits rows that list the caller's tenant in {right.Column} (selective sharing)");
        return Compare(left, right, membership, node, negated, scope, shown);
    }

    private ConditionVerdict Is(IsExpression test, bool negated, NameScope scope, string shown)
    {
        var operand = Value(test.Operand, scope);
        var not = test.Negated != negated;
        if (test.Test == "distinct from" && test.Right is { } right)
            return Compare(operand, Value(right, scope), not, test, negated, scope, shown);
        if (operand.Kind == ValueKind.Session && operand.Settable)
            return SessionAgainstConstant(operand, null, shown);
        if (operand.Kind == ValueKind.TenantColumn && test.Test == "null")
            return not
                ? new ConditionVerdict(TenantBinding.Unbound, shown, $"admits every tenant's rows ({tenantColumn} IS NOT NULL)")
                : new ConditionVerdict(TenantBinding.Sharing, shown, $"admits rows without a tenant ({tenantColumn} IS NULL: global rows)");
        return RowAttribute(test, negated, scope, shown);
    }

    private ConditionVerdict In(InExpression @in, bool negated, NameScope scope, string shown)
    {
        var operand = Value(@in.Operand, scope);
        var member = !(@in.Negated != negated);
        if (operand.Kind == ValueKind.TenantColumn && member)
        {
            if (@in.Subquery is { } subquery)
                return InLookup(subquery, operand, scope, shown);
            var values = @in.Values!.Select(v => Value(v, scope)).ToList();
            if (values.All(v => v.IsCallerValue))
            {
                Settings.Tenant.UnionWith(values.Where(v => v.Kind == ValueKind.Session).SelectMany(v => v.Settings));
                return new ConditionVerdict(TenantBinding.Bound, shown, $"ties {tenantColumn} to the tenant", operand.Wrapped && scope.Depth == 0);
            }
            return new ConditionVerdict(TenantBinding.Unbound, shown, $"compares {tenantColumn} with values that are not the current tenant");
        }
        if (operand.Kind == ValueKind.Session && @in.Values is { } list && list.All(v => Value(v, scope).Kind == ValueKind.Constant))
            return SessionAgainstConstant(operand, null, shown);
        if (@in.Subquery is not null)
            return new ConditionVerdict(TenantBinding.Unbound, shown, $"does not tie {tenantColumn} to the tenant");
        return RowAttribute(@in, negated, scope, shown);
    }

    /// <summary>tenant_col IN (SELECT …) / = ANY (SELECT …): bound when the selected values are the caller's.</summary>
    private ConditionVerdict InLookup(QueryExpression subquery, ValueFacts operand, NameScope scope, string shown)
    {
        if (subquery is SelectQuery { SelectList.Count: 1, From.Count: 0 } select)
            return Compare(operand, Value(select.SelectList[0], scope.Subquery(new HashSet<string>())), true, select.SelectList[0], false, scope, shown);
        var graph = new LookupGraph();
        var inner = AddQuery(graph, subquery, scope);
        if (subquery is SelectQuery { SelectList.Count: 1 } single)
            Link(graph, operand, Value(single.SelectList[0], inner));
        return Decide(graph, subquery, inner, shown, operand.Wrapped && scope.Depth == 0);
    }

    /// <summary>EXISTS (SELECT …) or a function body's SELECT … FROM … WHERE ….</summary>
    private ConditionVerdict Lookup(QueryExpression query, NameScope scope, string shown)
    {
        var graph = new LookupGraph();
        var inner = AddQuery(graph, query, scope);
        return Decide(graph, query, inner, shown, false);
    }

    private ConditionVerdict Decide(LookupGraph graph, QueryExpression query, NameScope inner, string shown, bool wrapped)
    {
        var tables = graph.Tables.Count == 0 ? "a subquery" : string.Join(", ", graph.Tables);
        if (graph.Connected(LookupGraph.Tenant, LookupGraph.Caller) && SharedWithTheCallersTenant(graph))
            return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits rows another tenant shared with the caller's tenant through {tables}");
        if (graph.Connected(LookupGraph.Tenant, LookupGraph.Caller))
        {
            Settings.Identity.UnionWith(graph.CallerSettings);
            Settings.Tenant.UnionWith(graph.TenantSettings);
            foreach (var (node, column, _) in graph.CallerColumns)
            {
                if (graph.AliasTables.TryGetValue(node, out var membershipTable))
                    Settings.Memberships.Add((membershipTable, column));
            }

            return new ConditionVerdict(TenantBinding.Bound, shown, $"ties {tenantColumn} to the caller's membership in {tables}", wrapped);
        }
        if (graph.SelfComparisons.Count > 0)
        {
            var column = graph.SelfComparisons.First();
            return new ConditionVerdict(TenantBinding.Unbound, shown,
                $"compares {column} with itself: inside the lookup the bare name {column} is {tables}' own column, not the row's, so the lookup never looks at the row");
        }
        if (graph.KeyedOnCaller && !graph.Correlated)
        {
            Settings.Identity.UnionWith(graph.CallerSettings);
            return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits privileged callers (found in {tables}) to every tenant's rows");
        }
        var inside = query is SelectQuery { Where: { } where }
            ? Disjuncts(where, false, inner).SelectMany(b => b).Select(Condition).ToList()
            : [];
        if (inside.FirstOrDefault(v => v.Binding == TenantBinding.Switch) is { } @switch)
            return @switch with { Condition = shown };
        if (inside.Any(v => v.Binding == TenantBinding.Sharing))
            return new ConditionVerdict(TenantBinding.Sharing, shown, $"admits rows shared through {tables}");
        return new ConditionVerdict(TenantBinding.Unbound, shown,
            graph.KeyedOnCaller ? $"looks up the caller in {tables} without linking that to the row's {tenantColumn}"
                                : $"looks up {tables} without tying {tenantColumn} to the caller or the tenant");
    }

    /// <summary>
    /// The lookup is keyed on the tenant setting through another column than the one tied to the row's tenant
    /// (<c>s.tenant_id = row.tenant_id AND s.shared_with_tenant_id = &lt;tenant&gt;</c>): it maps the caller's tenant
    /// to other tenants, which is sharing, not membership.
    /// </summary>
    private bool SharedWithTheCallersTenant(LookupGraph graph) =>
        graph.CallerColumns.Any(c => c.Settings.Overlaps(tenantSettings) &&
                                     !graph.TenantColumns.Any(t => t.Node.Equals(c.Node) && t.Column == c.Column));

    private static bool IsSharingWord(string word) => SharingWords.Any(word.Contains);

    /// <summary>A boolean function call the branches could not expand into (a lookup body, unreadable, unknown).</summary>
    private ConditionVerdict BooleanCall(FunctionCallExpression call, bool negated, NameScope scope, string shown)
    {
        if (call.Schema is null or "pg_catalog" && call.Name is "pg_has_role" or "has_table_privilege" or "has_schema_privilege" or "has_any_column_privilege")
            return new ConditionVerdict(TenantBinding.Sharing, shown, "admits sessions by role, across tenants");
        if (functions.Resolve(call) is not { } definition)
            return BareValue(call, negated, scope, shown);
        if (TooDeep(definition, scope))
            return new ConditionVerdict(TenantBinding.Unbound, shown, $"calls {Text(call, scope)}, whose functions nest too deeply (or recursively) to follow");
        if (!definition.Body.IsReadable)
            return new ConditionVerdict(TenantBinding.Unbound, shown, $"calls {Text(call, scope)}, whose body the audit cannot read ({definition.Body.Problem})");
        if (negated)
            return new ConditionVerdict(TenantBinding.Unbound, shown, $"NOT {Text(call, scope)} only excludes rows");
        return definition.Body.Query is { } query
            ? Lookup(query, BodyScope(definition, call, scope), shown)
            : BareValue(call, negated, scope, shown);
    }

    /// <summary>A value used as a condition: current_setting('app.is_admin')::boolean, a boolean column.</summary>
    private ConditionVerdict BareValue(SqlExpression expression, bool negated, NameScope scope, string shown)
    {
        var value = Value(expression, scope);
        return value.Kind switch
        {
            ValueKind.Session => SessionAgainstConstant(value, null, shown),
            ValueKind.RowColumn or ValueKind.Constant => RowAttribute(expression, negated, scope, shown),
            ValueKind.Unknown => new ConditionVerdict(TenantBinding.Unbound, shown, value.Why ?? $"{value.Text} is not something the audit can read"),
            _ => new ConditionVerdict(TenantBinding.Unbound, shown, $"does not tie {tenantColumn} to the tenant"),
        };
    }

    /// <summary>A condition on the row's own columns: sharing when it names a sharing attribute, otherwise unbound.</summary>
    private ConditionVerdict RowAttribute(SqlExpression expression, bool negated, NameScope scope, string shown)
    {
        var words = SyntaxWalk.Expressions(expression)
            .Select(e => e switch
            {
                ColumnReference column => column.Column,
                LiteralExpression { Kind: LiteralKind.String } literal => literal.Value.ToLowerInvariant(),
                _ => null,
            })
            .OfType<string>();
        if (!negated && words.Any(IsSharingWord))
            return new ConditionVerdict(TenantBinding.Sharing, shown, "admits rows marked as shared, whatever their tenant");
        return new ConditionVerdict(TenantBinding.Unbound, shown, $"does not involve {tenantColumn} or the tenant");
    }
}
