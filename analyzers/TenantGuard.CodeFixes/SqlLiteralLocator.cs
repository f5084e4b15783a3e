using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantGuard.CodeFixes
{
    /// <summary>Finds the string literal a TG0002/TG0004 diagnostic was reported on.</summary>
    internal static class SqlLiteralLocator
    {
        public static ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            while (node is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized.Expression;
            }

            return node is LiteralExpressionSyntax || node is InterpolatedStringExpressionSyntax ? (ExpressionSyntax)node : null;
        }
    }
}
