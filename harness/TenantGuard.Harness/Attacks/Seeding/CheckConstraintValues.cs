using System.Globalization;
using TenantGuard.Sql;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>
/// Values a table's CHECK constraints allow, read with the SQL reader from pg_get_constraintdef: <c>col IN (…)</c>,
/// <c>col = ANY (ARRAY[…])</c> and <c>col = constant</c> give the listed value; <c>col &gt; n</c> and <c>col &gt;= n</c> a number
/// past the bound. The first OR branch is enough. Anything else is left to the value generator.
/// </summary>
internal static class CheckConstraintValues
{
    public static IReadOnlyDictionary<string, string> Read(IEnumerable<string> checks)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            var text = check.Trim();
            if (!text.StartsWith("CHECK", StringComparison.OrdinalIgnoreCase))
                continue;
            text = text[5..].Trim();
            if (text.EndsWith("NOT VALID", StringComparison.OrdinalIgnoreCase))
                text = text[..^9].Trim();
            if (SqlExpressionReader.Read(text).Expression is { } expression)
                Collect(expression, values);
        }

        return values;
    }

    private static void Collect(SqlExpression expression, Dictionary<string, string> values)
    {
        switch (Strip(expression))
        {
            case BinaryExpression { Operator: "and" } and:
                Collect(and.Left, values);
                Collect(and.Right, values);
                break;
            case BinaryExpression { Operator: "or" } or:
                Collect(or.Left, values);
                break;
            case InExpression { Negated: false, Values: [var first, ..] } @in when Column(@in.Operand) is { } column && Constant(first) is { } value:
                values.TryAdd(column, value);
                break;
            case BinaryExpression { Operator: "=", Right: QuantifiedExpression { Quantifier: "any", Argument: { } array } } any
                when Column(any.Left) is { } column && Strip(array) is RowExpression { Items: [var first, ..] } && Constant(first) is { } value:
                values.TryAdd(column, value);
                break;
            case BinaryExpression { Operator: "=" } equal when Column(equal.Left) is { } column && Constant(equal.Right) is { } value:
                values.TryAdd(column, value);
                break;
            case BinaryExpression { Operator: ">" or ">=" } bound when Column(bound.Left) is { } column && Number(bound.Right) is { } number:
                values.TryAdd(column, (bound.Operator == ">" ? number + 1 : number).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string? Column(SqlExpression expression) => Strip(expression) is ColumnReference { IsQualified: false } column ? column.Column : null;

    private static string? Constant(SqlExpression expression) =>
        Strip(expression) is LiteralExpression { Kind: LiteralKind.String or LiteralKind.Number or LiteralKind.Boolean } literal ? literal.Value : null;

    private static decimal? Number(SqlExpression expression) =>
        Strip(expression) is LiteralExpression { Kind: LiteralKind.Number } literal
        && decimal.TryParse(literal.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? decimal.Floor(number)
            : null;

    /// <summary>pg_get_constraintdef prints (col)::text and 'x'::text: look through both.</summary>
    private static SqlExpression Strip(SqlExpression expression) => expression.WithoutCastsOrParentheses();
}
