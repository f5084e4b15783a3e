using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>What a scalar expression is: the tenant column, the caller's session value, a lookup by the caller, a
/// constant, another column.</summary>
internal sealed partial class PolicyExpressionClassifier
{
    private static readonly HashSet<string> RoleNames = new(StringComparer.Ordinal) { "current_user", "session_user", "current_role", "user" };

    // Built-ins that keep what their first argument is: NULLIF(setting, ''), lower(col), array_agg(col).
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "nullif", "lower", "upper", "btrim", "trim", "ltrim", "rtrim", "array_agg", "min", "max", "any_value", "unnest",
    };

    private ValueFacts Value(SqlExpression expression, NameScope scope)
    {
        var text = Text(expression, scope);
        switch (expression)
        {
            case ParenthesizedExpression parenthesized:
                return Value(parenthesized.Inner, scope) with { Text = text };
            case CastExpression cast:
                var operand = Value(cast.Operand, scope);
                return operand with { Text = text, Wrapped = operand.Wrapped || operand.Kind == ValueKind.TenantColumn };
            case LiteralExpression literal:
                return new ValueFacts(ValueKind.Constant, text)
                {
                    IsEmpty = literal.Kind == LiteralKind.Null || (literal.Kind == LiteralKind.String && literal.Value.Length == 0),
                    Literal = literal.Kind is LiteralKind.String or LiteralKind.Number ? literal.Value : null,
                };
            case PlaceholderExpression placeholder:
                return scope.Parameter(placeholder.Text) is { } parameter
                    ? parameter with { Text = text }
                    : ValueFacts.Unknown(text, $"{text} is not a parameter here");
            case ColumnReference column:
                return Column(column, scope, text);
            case FunctionCallExpression call:
                return Call(call, scope, text);
            case SubqueryExpression subquery:
                return Subquery(subquery.Query, scope, text);
            case RowExpression row when row.Items.Count > 0 && row.Items.All(i => Value(i, scope).Kind == ValueKind.Constant):
                return new ValueFacts(ValueKind.Constant, text);
            case BinaryExpression binary when !IsCondition(binary.Operator):
                return Operation(Value(binary.Left, scope), Value(binary.Right, scope), text);
            default:
                return ValueFacts.Unknown(text, $"{text} is not a value the audit can place");
        }
    }

    /// <summary>x || y, x -&gt;&gt; 'k', x + 1: a caller value or the tenant column with constants stays what it was.</summary>
    private static ValueFacts Operation(ValueFacts left, ValueFacts right, string text)
    {
        if (left.Kind == ValueKind.Constant && right.Kind == ValueKind.Constant)
            return new ValueFacts(ValueKind.Constant, text);
        foreach (var (value, other) in new[] { (left, right), (right, left) })
        {
            if (value.IsCallerValue && other.Kind == ValueKind.Constant)
                return value with { Text = text };
            if (value.Kind == ValueKind.TenantColumn && other.Kind == ValueKind.Constant)
                return value with { Text = text, Wrapped = true };
        }
        return ValueFacts.Unknown(text, $"{text} is not a value the audit can place");
    }

    private static bool IsCondition(string op) => op is "and" or "or" or "=" or "<>" or "<" or ">" or "<=" or ">="
        or "like" or "ilike" or "not like" or "not ilike" or "similar to" or "not similar to" or "in" or "not in";

    private ValueFacts Column(ColumnReference column, NameScope scope, string text)
    {
        var name = column.Column;
        var qualifier = column.Table;
        if (column.Parts.Count == 1 && RoleNames.Contains(name))
            return new ValueFacts(ValueKind.Session, text);
        if (qualifier is null && scope.Parameter(name) is { } parameter)
            return parameter with { Text = text };
        for (var s = scope; s is not null; s = s.Outer)
        {
            if (qualifier is not null && s.Function == qualifier && s.Parameters is { } parameters && parameters.TryGetValue(name, out var qualified))
                return qualified with { Text = text };
            if (qualifier is not null ? s.Aliases.Contains(qualifier) : s.Aliases.Count > 0)
                return new ValueFacts(ValueKind.InnerColumn, text)
                {
                    Column = name,
                    Scope = s,
                    Alias = qualifier ?? (s.Aliases.Count == 1 ? s.Aliases.First() : null),
                };
            if (s.IsPolicyLevel)
                return new ValueFacts(name == tenantColumn ? ValueKind.TenantColumn : ValueKind.RowColumn, text) { Column = name };
        }
        return ValueFacts.Unknown(text, $"{text} is not a column or parameter the audit can place");
    }

    private ValueFacts Call(FunctionCallExpression call, NameScope scope, string text)
    {
        var builtIn = call.Schema is null or "pg_catalog";
        if (builtIn && call.Name == "current_setting" && call.Arguments.Count >= 1)
        {
            var settings = new HashSet<string>(StringComparer.Ordinal);
            if (StringConstant(call.Arguments[0]) is { } setting)
            {
                settings.Add(setting);
                Settings.Read.Add(setting);
            }
            return new ValueFacts(ValueKind.Session, text) { Settable = true, Settings = settings };
        }
        if (builtIn && call.Name == "coalesce" && call.Arguments.Count >= 1)
        {
            var first = Value(call.Arguments[0], scope);
            if (first.IsCallerValue || first.Kind == ValueKind.TenantColumn)
                return first with { Text = text, Wrapped = first.Kind == ValueKind.TenantColumn };
            return call.Arguments.All(a => Value(a, scope).Kind == ValueKind.Constant)
                ? new ValueFacts(ValueKind.Constant, text)
                : ValueFacts.Unknown(text, $"{text} is not a value the audit can place");
        }
        if (builtIn && PassThrough.Contains(call.Name) && call.Arguments.Count >= 1 && functions.Resolve(call) is null)
        {
            var first = Value(call.Arguments[0], scope);
            return first with { Text = text, Wrapped = first.Wrapped || (first.Kind == ValueKind.TenantColumn && call.Name != "nullif") };
        }
        if (functions.Resolve(call) is { } definition)
            return FunctionValue(definition, call, scope, text);
        if (call.Arguments.Count > 0 && call.Arguments.All(a => Value(a, scope).Kind == ValueKind.Constant))
            return new ValueFacts(ValueKind.Constant, text);
        return ValueFacts.Unknown(text, $"{text} calls a function the audit cannot see");
    }

    private ValueFacts FunctionValue(SqlFunctionDefinition definition, FunctionCallExpression call, NameScope scope, string text)
    {
        if (TooDeep(definition, scope))
            return ValueFacts.Unknown(text, $"{text} calls functions too deeply (or recursively) to follow");
        var body = definition.Body;
        if (!body.IsReadable)
            return ValueFacts.Unknown(text, $"the body of {text} cannot be read ({body.Problem})");
        var bodyScope = BodyScope(definition, call, scope);
        if (body.Query is { From.Count: > 0 } query)
            return LookupValue(query, body.Expression!, bodyScope, text);
        return Value(body.Expression!, bodyScope) with { Text = text };
    }

    /// <summary>(SELECT x), (SELECT x FROM … WHERE …), ARRAY(SELECT …).</summary>
    private ValueFacts Subquery(QueryExpression query, NameScope scope, string text)
    {
        if (query is not SelectQuery { SelectList.Count: 1 } select)
            return ValueFacts.Unknown(text, $"{text} is not a single-value subquery");
        if (select.From.Count == 0)
            return Value(select.SelectList[0], scope.Subquery(new HashSet<string>())) with { Text = text };
        return LookupValue(select, select.SelectList[0], scope, text);
    }

    /// <summary>SELECT item FROM … WHERE …: the caller's tenant(s) when the item is connected to the caller.</summary>
    private ValueFacts LookupValue(SelectQuery query, SqlExpression item, NameScope scope, string text)
    {
        var graph = new LookupGraph();
        var inner = AddQuery(graph, query, scope);
        if (Node(Value(item, inner)) is { } node && graph.Connected(node, LookupGraph.Caller))
            return new ValueFacts(ValueKind.Membership, text) { Settings = graph.CallerSettings };
        return ValueFacts.Unknown(text, $"{text} looks up {string.Join(", ", graph.Tables)} without keying the lookup on the caller");
    }

    private static string? StringConstant(SqlExpression expression) => expression switch
    {
        ParenthesizedExpression p => StringConstant(p.Inner),
        CastExpression c => StringConstant(c.Operand),
        LiteralExpression { Kind: LiteralKind.String } l => l.Value,
        _ => null,
    };
}
