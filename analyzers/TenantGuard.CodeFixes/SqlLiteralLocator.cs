using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.CodeFixes
{
    /// <summary>Finds the string literal a TG0002/TG0004 diagnostic was reported on (TG0001: its additional location).</summary>
    internal static class SqlLiteralLocator
    {
        public static ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) => Find(root, diagnostic.Location.SourceSpan);

        public static ExpressionSyntax? Find(SyntaxNode root, TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
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
