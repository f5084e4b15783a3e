using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>SQL text recovered at compile time, with interpolation holes written as {0}, {1}, ...</summary>
    internal sealed class FoldedSql
    {
        public FoldedSql(string text, bool hasInterpolationHoles, SyntaxNode? singleLiteral, bool isPartial = false)
        {
            IsPartial = isPartial;
            Text = text;
            HasInterpolationHoles = hasInterpolationHoles;
            SingleLiteral = singleLiteral;
        }

        public string Text { get; }

        public bool HasInterpolationHoles { get; }

        /// <summary>
        /// Some parts could not be known and stand as holes: the statements are known, the tables and filters are not,
        /// so only rules about statement shape (TG0004) look at it.
        /// </summary>
        public bool IsPartial { get; }

        /// <summary>The literal or interpolated string at the call when the SQL is exactly that one literal (code fixes edit it).</summary>
        public SyntaxNode? SingleLiteral { get; }
    }
}
