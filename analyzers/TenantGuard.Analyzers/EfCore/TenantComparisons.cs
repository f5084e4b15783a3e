using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// Recognises a tenant predicate by its shape: a lambda (or a query clause) that compares a tenant-named member of
    /// its parameter (e.TenantId, EF.Property&lt;Guid&gt;(e, "TenantId")) with a value that is not a literal. Read from
    /// syntax alone, so it costs nothing to ask for every lambda of a query chain.
    /// </summary>
    internal static class TenantComparisons
    {
        /// <summary>TenantId for the default tenant_id column, TeamId for team_id; any case, underscores ignored.</summary>
        public static bool IsTenantMemberName(string name, TenantGuardOptions options)
        {
            var normalized = Normalize(name);
            return normalized == "tenantid" || normalized == Normalize(options.TenantColumn);
        }

        public static bool IsTenantPredicate(ExpressionSyntax? expression, TenantGuardOptions options)
        {
            switch (expression)
            {
                case SimpleLambdaExpressionSyntax simple:
                    return ComparesTenantMember(simple.Body, simple.Parameter.Identifier.ValueText, options);
                case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Count >= 1:
                    return ComparesTenantMember(parenthesized.Body, parenthesized.ParameterList.Parameters[0].Identifier.ValueText, options);
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="body"/> compares <paramref name="parameter"/>'s tenant member with a value.</summary>
        public static bool ComparesTenantMember(SyntaxNode body, string parameter, TenantGuardOptions options)
        {
            foreach (var node in body.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                        if (IsTenantComparison(binary.Left, binary.Right, parameter, options) ||
                            IsTenantComparison(binary.Right, binary.Left, parameter, options))
                        {
                            return true;
                        }

                        break;
                    case InvocationExpressionSyntax invocation when IsEqualsCall(invocation, out var receiver, out var argument):
                        if (IsTenantComparison(receiver, argument, parameter, options) ||
                            IsTenantComparison(argument, receiver, parameter, options))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static bool IsTenantComparison(ExpressionSyntax member, ExpressionSyntax value, string parameter, TenantGuardOptions options) =>
            IsTenantMemberOf(member, parameter, options) && IsTenantValue(value, parameter);

        /// <summary>e.TenantId, e.TenantId.Value, e.Order.TenantId, EF.Property&lt;T&gt;(e, "TenantId").</summary>
        public static bool IsTenantMemberOf(ExpressionSyntax expression, string parameter, TenantGuardOptions options)
        {
            expression = Unwrap(expression);
            if (expression is MemberAccessExpressionSyntax valueAccess && valueAccess.Name.Identifier.ValueText == "Value" &&
                Unwrap(valueAccess.Expression) is MemberAccessExpressionSyntax inner)
            {
                expression = inner;
            }

            if (expression is MemberAccessExpressionSyntax access && IsRootedAt(access.Expression, parameter))
            {
                return IsTenantMemberName(access.Name.Identifier.ValueText, options);
            }

            return expression is InvocationExpressionSyntax call &&
                   call.Expression is MemberAccessExpressionSyntax property &&
                   property.Name.Identifier.ValueText == "Property" &&
                   call.ArgumentList.Arguments.Count == 2 &&
                   Unwrap(call.ArgumentList.Arguments[0].Expression) is IdentifierNameSyntax entity &&
                   entity.Identifier.ValueText == parameter &&
                   call.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax name &&
                   name.Token.Value is string propertyName &&
                   IsTenantMemberName(propertyName, options);
        }

        /// <summary>
        /// The parameter itself or a navigation from it: s.Product.TenantId == tenantId keeps the rows whose product is
        /// the tenant's, as e.TenantId would.
        /// </summary>
        private static bool IsRootedAt(ExpressionSyntax receiver, string parameter)
        {
            for (var current = Unwrap(receiver); ;)
            {
                switch (current)
                {
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText == parameter;
                    case MemberAccessExpressionSyntax navigation:
                        current = Unwrap(navigation.Expression);
                        break;
                    default:
                        return false;
                }
            }
        }

        /// <summary>A value other than a literal and other than another member of the same entity.</summary>
        private static bool IsTenantValue(ExpressionSyntax expression, string parameter)
        {
            expression = Unwrap(expression);
            if (expression is LiteralExpressionSyntax || expression is DefaultExpressionSyntax)
            {
                return false;
            }

            for (var current = expression; ;)
            {
                switch (current)
                {
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText != parameter;
                    case MemberAccessExpressionSyntax access:
                        current = access.Expression;
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        current = parenthesized.Expression;
                        break;
                    default:
                        return true;
                }
            }
        }

        private static bool IsEqualsCall(InvocationExpressionSyntax invocation, out ExpressionSyntax receiver, out ExpressionSyntax argument)
        {
            receiver = argument = null!;
            if (invocation.Expression is MemberAccessExpressionSyntax access &&
                access.Name.Identifier.ValueText == "Equals" &&
                invocation.ArgumentList.Arguments.Count == 1)
            {
                receiver = access.Expression;
                argument = invocation.ArgumentList.Arguments[0].Expression;
                return true;
            }

            return false;
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = bang.Operand;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static string Normalize(string name)
        {
            var chars = new char[name.Length];
            var length = 0;
            foreach (var c in name)
            {
                if (c != '_' && c != '"')
                {
                    chars[length++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, length);
        }
    }
}
