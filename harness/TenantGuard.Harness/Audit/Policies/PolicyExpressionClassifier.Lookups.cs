using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Lookups: the equalities of a subquery's WHERE and inner joins, as a <see cref="LookupGraph"/>.</summary>
internal sealed partial class PolicyExpressionClassifier
{
    /// <summary>Adds a query's FROM tables and the equalities it ANDs; returns the scope its names resolve in.</summary>
    private NameScope AddQuery(LookupGraph graph, QueryExpression query, NameScope scope)
    {
        if (query is not SelectQuery select)
            return scope.Subquery(new HashSet<string>());
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        var conditions = new List<SqlExpression>();
        var named = new List<(string Alias, string Table)>();
        foreach (var table in select.From)
            CollectTables(table, aliases, conditions, graph.Tables, named);
        var inner = scope.Subquery(aliases);
        foreach (var (alias, table) in named)
            graph.AliasTables[(inner, alias)] = table;
        if (select.Where is { } where)
            conditions.Add(where);
        foreach (var condition in conditions)
            AddCondition(graph, condition, inner);
        return inner;
    }

    /// <summary>Aliases of every FROM item, and the ON conditions of inner joins (an outer join's ON filters nothing).</summary>
    private static void CollectTables(TableReference table, HashSet<string> aliases, List<SqlExpression> conditions, HashSet<string> names,
        List<(string Alias, string Table)> named)
    {
        switch (table)
        {
            case JoinTableReference join:
                CollectTables(join.Left, aliases, conditions, names, named);
                CollectTables(join.Right, aliases, conditions, names, named);
                if (join is { Kind: "inner", On: { } on })
                    conditions.Add(on);
                break;
            case NamedTableReference reference:
                aliases.Add(reference.Alias ?? reference.Name.Name);
                names.Add(reference.Name.ToString());
                named.Add((reference.Alias ?? reference.Name.Name, reference.Name.ToString()));
                break;
            case FunctionTableReference function:
                var call = function.Calls.FirstOrDefault() as FunctionCallExpression;
                if ((function.Alias ?? call?.Name) is { } alias)
                    aliases.Add(alias);
                names.Add(call?.Name ?? "a function");
                break;
            default:
                if (table.Alias is { } other)
                    aliases.Add(other);
                break;
        }
    }

    /// <summary>An ANDed condition of a lookup: equalities link nodes; nested IN and EXISTS lookups add theirs.</summary>
    private void AddCondition(LookupGraph graph, SqlExpression condition, NameScope scope)
    {
        switch (Strip(condition))
        {
            case BinaryExpression { Operator: "and" } and:
                AddCondition(graph, and.Left, scope);
                AddCondition(graph, and.Right, scope);
                break;
            case BinaryExpression { Operator: "=", Right: QuantifiedExpression { Quantifier: "any" or "some" } quantified } any:
                LinkToSet(graph, Value(any.Left, scope), quantified.Subquery, quantified.Argument, scope);
                break;
            case BinaryExpression { Operator: "=" } equality when SameBareName(equality.Left, equality.Right):
                graph.SelfComparisons.Add(((ColumnReference)Strip(equality.Left)).Column);
                break;
            case BinaryExpression { Operator: "=" } equality:
                Link(graph, Value(equality.Left, scope), Value(equality.Right, scope));
                break;
            case InExpression { Negated: false } @in:
                LinkToSet(graph, Value(@in.Operand, scope), @in.Subquery, @in.Values is [var single] ? single : null, scope);
                break;
            case ExistsExpression exists:
                AddQuery(graph, exists.Query, scope);
                break;
        }
    }

    /// <summary>x IN (SELECT y …), x = ANY (SELECT y …), x = ANY (array), x IN (value).</summary>
    private void LinkToSet(LookupGraph graph, ValueFacts operand, QueryExpression? subquery, SqlExpression? value, NameScope scope)
    {
        if (subquery is SelectQuery { SelectList.Count: 1 } select)
        {
            var inner = AddQuery(graph, select, scope);
            Link(graph, operand, Value(select.SelectList[0], inner));
        }
        else if (value is not null)
        {
            Link(graph, operand, Value(value, scope));
        }
    }

    private static void Link(LookupGraph graph, ValueFacts left, ValueFacts right)
    {
        if (Node(left) is not { } a || Node(right) is not { } b)
            return;
        if (left is { Kind: ValueKind.InnerColumn } && right is { Kind: ValueKind.InnerColumn } && a.Equals(b) && left.Column == right.Column)
        {
            graph.SelfComparisons.Add(left.Column!);
            return;
        }
        foreach (var (value, other) in new[] { (left, right), (right, left) })
        {
            if (value.Kind == ValueKind.Session && other.Kind == ValueKind.TenantColumn)
                graph.TenantSettings.UnionWith(value.Settings);
            else if (value.IsCallerValue && other.Kind != ValueKind.TenantColumn)
                graph.CallerSettings.UnionWith(value.Settings);
            if (other is { Kind: ValueKind.InnerColumn, Column: { } column } && Node(other) is { } node)
            {
                if (value.IsCallerValue)
                    graph.CallerColumns.Add((node, column, value.Settings));
                else if (value.Kind == ValueKind.TenantColumn)
                    graph.TenantColumns.Add((node, column));
            }
        }
        graph.Link(a, b);
    }

    /// <summary>The graph node a value stands for; null for constants and values the audit cannot place.</summary>
    private static object? Node(ValueFacts value) => value.Kind switch
    {
        ValueKind.TenantColumn => LookupGraph.Tenant,
        ValueKind.Session or ValueKind.Membership => LookupGraph.Caller,
        ValueKind.InnerColumn when value.Alias is not null => (value.Scope!, value.Alias),
        _ => null,
    };

    /// <summary>account_id = account_id: in SQL the column wins over a parameter of that name, so it is always true.</summary>
    private static bool SameBareName(SqlExpression left, SqlExpression right) =>
        Strip(left) is ColumnReference { IsQualified: false } l && Strip(right) is ColumnReference { IsQualified: false } r && l.Column == r.Column;
}
