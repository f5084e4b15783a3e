using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>COALESCE(current_setting(…), '&lt;default tenant&gt;'): a fallback when the setting is missing (TG1017).</summary>
internal sealed partial class PolicyExpressionClassifier
{
    /// <summary>Every fallback in the expression and in the bodies of the functions it calls.</summary>
    public IReadOnlyList<string> Fallbacks(SqlExpression expression, NameScope scope)
    {
        var found = new List<string>();
        foreach (var node in SyntaxWalk.Expressions(expression))
        {
            if (node is not FunctionCallExpression call)
                continue;
            if (call is { Name: "coalesce", Schema: null or "pg_catalog", Arguments.Count: >= 2 } && IsFallback(call, scope))
                found.Add(Shown(call, scope));
            else if (functions.Resolve(call) is { Body.IsReadable: true } definition && !TooDeep(definition, scope))
            {
                var body = BodyScope(definition, call, scope);
                found.AddRange(Fallbacks(definition.Body.Expression!, body));
                if (definition.Body.Query is { Where: { } where })
                    found.AddRange(Fallbacks(where, body));
            }
        }
        return found.Distinct().ToList();
    }

    /// <summary>The first argument reads a setting and a later one is a real value (not '' or NULL).</summary>
    private bool IsFallback(FunctionCallExpression coalesce, NameScope scope)
    {
        var first = Value(coalesce.Arguments[0], scope);
        return first is { Kind: ValueKind.Session, Settable: true } &&
               coalesce.Arguments.Skip(1).Select(a => Value(a, scope)).Any(v => v.Kind == ValueKind.Constant && !v.IsEmpty);
    }
}
