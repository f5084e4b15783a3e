using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql
{
    /// <summary>
    /// What a function body returns, read by <see cref="SqlFunctionBodyReader"/>: one expression, or the honest
    /// answer that the body is not that simple.
    /// </summary>
    public sealed class SqlFunctionBody
    {
        private SqlFunctionBody(string text, SqlExpression? expression, SelectQuery? query, string? problem)
        {
            Text = text;
            Expression = expression;
            Query = query;
            Problem = problem;
        }

        /// <summary>The body text; node offsets point into it.</summary>
        public string Text { get; }

        /// <summary>The expression the function returns; null when the body is unreadable.</summary>
        public SqlExpression? Expression { get; }

        /// <summary>
        /// The SELECT block the expression is the select list of (<c>SELECT expr FROM … WHERE …</c>), so its FROM and
        /// WHERE can be judged too; null for <c>RETURN expr</c> and PL/pgSQL.
        /// </summary>
        public SelectQuery? Query { get; }

        public bool IsReadable => Expression != null;

        /// <summary>Why the body is unreadable; null when it is readable.</summary>
        public string? Problem { get; }

        /// <summary>The source text of a node of this body.</summary>
        public string TextOf(SqlNode node) => SqlNodeText.Of(Text, node);

        internal static SqlFunctionBody Returning(string text, SqlExpression expression, SelectQuery? query) =>
            new SqlFunctionBody(text, expression, query, null);

        internal static SqlFunctionBody Unreadable(string text, string problem) => new SqlFunctionBody(text, null, null, problem);
    }
}
