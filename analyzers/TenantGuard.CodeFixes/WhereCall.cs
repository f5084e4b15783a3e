using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantGuard.CodeFixes
{
    /// <summary>Chains .Where(predicate) onto a query expression, keeping its trailing trivia after the new call.</summary>
    internal static class WhereCall
    {
        public static ExpressionSyntax Append(ExpressionSyntax query, string predicate) =>
            SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        query.WithoutTrailingTrivia(),
                        SyntaxFactory.IdentifierName("Where")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(SyntaxFactory.ParseExpression(predicate)))))
                .WithTrailingTrivia(query.GetTrailingTrivia());

        /// <summary>e => e.TenantId == tenantId</summary>
        public static string TenantPredicate(string lambdaParameter, string member, string value) =>
            lambdaParameter + " => " + lambdaParameter + "." + member + " == " + value;
    }
}
