namespace TenantGuard.Sql.Syntax
{
    /// <summary>Ways of looking through the wrapping PostgreSQL prints around values.</summary>
    public static class SqlExpressionExtensions
    {
        /// <summary>The expression inside any parentheses and casts: ((col)::text) and 'x'::text as col and 'x'.</summary>
        public static SqlExpression WithoutCastsOrParentheses(this SqlExpression expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpression parenthesized:
                        expression = parenthesized.Inner;
                        continue;
                    case CastExpression cast:
                        expression = cast.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }
    }
}
