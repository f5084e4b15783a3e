namespace TenantGuard.Harness.Audit.Policies;

/// <summary>The boolean skeleton of a policy expression: AND / OR / NOT over leaf conditions.</summary>
internal abstract record BooleanExpression
{
    public sealed record And(IReadOnlyList<BooleanExpression> Operands) : BooleanExpression;

    public sealed record Or(IReadOnlyList<BooleanExpression> Operands) : BooleanExpression;

    public sealed record Not(BooleanExpression Operand) : BooleanExpression;

    /// <summary>A condition that is not itself AND/OR/NOT, e.g. <c>tenant_id = get_current_tenant_id()</c>.</summary>
    public sealed record Leaf(IReadOnlyList<ExpressionToken> Tokens, string Text) : BooleanExpression;
}
