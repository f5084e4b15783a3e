using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Every expression under a node, nested queries included (select lists, FROM, WHERE, joins, CTEs).</summary>
internal static class SyntaxWalk
{
    public static IEnumerable<SqlExpression> Expressions(SqlExpression root)
    {
        var pending = new Stack<SqlExpression>();
        pending.Push(root);
        while (pending.TryPop(out var expression))
        {
            yield return expression;
            foreach (var child in expression.Children)
                pending.Push(child);
            if (expression.NestedQuery is { } query)
                foreach (var part in Expressions(query))
                    yield return part;
        }
    }

    public static IEnumerable<SqlExpression> Expressions(QueryExpression query) =>
        TopExpressions(query).SelectMany(Expressions);

    private static IEnumerable<SqlExpression> TopExpressions(QueryExpression query)
    {
        foreach (var cte in query.With?.Tables ?? [])
            if (cte.Query is { } body)
                foreach (var e in TopExpressions(body))
                    yield return e;
        foreach (var e in query.Trailing)
            yield return e;
        switch (query)
        {
            case SelectQuery select:
                foreach (var e in select.SelectList.Concat(select.OtherClauses))
                    yield return e;
                if (select.Where is { } where)
                    yield return where;
                foreach (var e in select.From.SelectMany(TableExpressions))
                    yield return e;
                break;
            case SetOperationQuery set:
                foreach (var e in TopExpressions(set.Left).Concat(TopExpressions(set.Right)))
                    yield return e;
                break;
            case ValuesQuery values:
                foreach (var row in values.Rows)
                    yield return row;
                break;
        }
    }

    private static IEnumerable<SqlExpression> TableExpressions(TableReference table) => table switch
    {
        JoinTableReference join => TableExpressions(join.Left).Concat(TableExpressions(join.Right))
            .Concat(join.On is null ? [] : [join.On]),
        SubqueryTableReference subquery => TopExpressions(subquery.Query),
        FunctionTableReference function => function.Calls,
        _ => [],
    };
}
