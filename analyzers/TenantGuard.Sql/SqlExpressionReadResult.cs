using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql
{
    /// <summary>An expression read by <see cref="SqlExpressionReader"/>: the tree, or why there is none.</summary>
    public sealed class SqlExpressionReadResult
    {
        internal SqlExpressionReadResult(string text, SqlExpression? expression, string? error)
        {
            Text = text;
            Expression = expression;
            Error = expression == null ? error ?? "The expression could not be read." : null;
        }

        /// <summary>The text read; node offsets point into it.</summary>
        public string Text { get; }

        /// <summary>The tree; null when the text is not one expression.</summary>
        public SqlExpression? Expression { get; }

        public bool Success => Expression != null;

        /// <summary>Why the text could not be read; null on success.</summary>
        public string? Error { get; }

        /// <summary>The source text of a node of this tree.</summary>
        public string TextOf(SqlNode node) => SqlNodeText.Of(Text, node);
    }
}
