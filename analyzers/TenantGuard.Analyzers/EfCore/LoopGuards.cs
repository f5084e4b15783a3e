using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// Reads which entity types a filter applied in a loop over the model is for, from the typeof(I) checks that guard
    /// it: <c>if (typeof(IMustHaveTenant).IsAssignableFrom(et.ClrType)) et.SetQueryFilter(...)</c> includes I;
    /// <c>if (typeof(IGlobalEntity).IsAssignableFrom(et.ClrType)) continue;</c> before the call excludes I.
    /// </summary>
    internal static class LoopGuards
    {
        public static ImmutableArray<ITypeSymbol> IncludedTypes(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
        {
            var types = ImmutableArray.CreateBuilder<ITypeSymbol>();
            SyntaxNode child = call;
            for (var node = call.Parent; node != null && !(node is MemberDeclarationSyntax); child = node, node = node.Parent)
            {
                switch (node)
                {
                    case IfStatementSyntax ifStatement when ifStatement.Statement == child:
                        AddTypeOfs(ifStatement.Condition, model, types, cancellationToken);
                        break;
                    case ForEachStatementSyntax forEach when forEach.Statement == child:
                        AddTypeOfs(forEach.Expression, model, types, cancellationToken);
                        break;
                }
            }

            return types.ToImmutable();
        }

        /// <summary>The types skipped by <c>if (typeof(I)...) continue;</c> statements before the call in its loop body.</summary>
        public static ImmutableArray<ITypeSymbol> ExcludedTypes(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
        {
            var types = ImmutableArray.CreateBuilder<ITypeSymbol>();
            var loop = EnclosingLoop(call);
            if (loop?.Statement is BlockSyntax body)
            {
                foreach (var statement in body.Statements)
                {
                    if (statement.SpanStart >= call.SpanStart)
                    {
                        break;
                    }

                    if (statement is IfStatementSyntax ifStatement && IsContinue(ifStatement.Statement))
                    {
                        AddTypeOfs(ifStatement.Condition, model, types, cancellationToken);
                    }
                }
            }

            return types.ToImmutable();
        }

        /// <summary>The call is in a foreach over the model's entity types (GetEntityTypes()).</summary>
        public static bool IsInEntityTypeLoop(SyntaxNode call)
        {
            var loop = EnclosingLoop(call);
            return loop != null && loop.Expression.ToString().IndexOf("GetEntityTypes", System.StringComparison.Ordinal) >= 0;
        }

        private static ForEachStatementSyntax? EnclosingLoop(SyntaxNode call)
        {
            for (var node = call.Parent; node != null && !(node is MemberDeclarationSyntax); node = node.Parent)
            {
                if (node is ForEachStatementSyntax forEach)
                {
                    return forEach;
                }
            }

            return null;
        }

        private static bool IsContinue(StatementSyntax statement) =>
            statement is ContinueStatementSyntax ||
            (statement is BlockSyntax block && block.Statements.Count == 1 && block.Statements[0] is ContinueStatementSyntax);

        private static void AddTypeOfs(SyntaxNode condition, SemanticModel model, ImmutableArray<ITypeSymbol>.Builder types, CancellationToken cancellationToken)
        {
            foreach (var node in condition.DescendantNodesAndSelf())
            {
                if (node is TypeOfExpressionSyntax typeOf && IsAssignabilityCheck(typeOf) &&
                    model.GetTypeInfo(typeOf.Type, cancellationToken).Type is ITypeSymbol type && type.TypeKind != TypeKind.Error)
                {
                    types.Add(type);
                }
            }
        }

        /// <summary>typeof(I).IsAssignableFrom(x) or x.IsAssignableTo(typeof(I)); not typeof(X) == x or other uses.</summary>
        private static bool IsAssignabilityCheck(TypeOfExpressionSyntax typeOf)
        {
            if (typeOf.Parent is MemberAccessExpressionSyntax access && access.Expression == typeOf)
            {
                return access.Name.Identifier.ValueText == "IsAssignableFrom";
            }

            return typeOf.Parent is ArgumentSyntax argument &&
                   argument.Parent?.Parent is InvocationExpressionSyntax invocation &&
                   invocation.Expression is MemberAccessExpressionSyntax method &&
                   (method.Name.Identifier.ValueText == "IsAssignableTo" || method.Name.Identifier.ValueText == "IsSubclassOf");
        }
    }
}
