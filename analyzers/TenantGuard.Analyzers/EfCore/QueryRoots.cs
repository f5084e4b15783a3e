using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>Where an EF Core query starts: a DbSet property of a DbContext or a DbContext.Set&lt;T&gt;() call.</summary>
    internal static class QueryRoots
    {
        /// <summary>The entity type when <paramref name="operation"/> is a query root.</summary>
        public static ITypeSymbol? EntityOf(IOperation operation, EfSymbols symbols)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when symbols.IsDbSet(property.Type) && symbols.IsDbContext(property.Property.ContainingType):
                case IInvocationOperation invocation when invocation.TargetMethod.Name == "Set" && symbols.IsDbSet(invocation.Type) &&
                                                        symbols.IsDbContext(invocation.TargetMethod.ContainingType):
                    return ((INamedTypeSymbol)operation.Type!).TypeArguments[0];
                default:
                    return null;
            }
        }

        /// <summary>The DbContext the root is read from, or null when only DbContext itself (or nothing) is known.</summary>
        public static INamedTypeSymbol? ContextOf(IOperation root, EfSymbols symbols)
        {
            ITypeSymbol? context = root switch
            {
                IPropertyReferenceOperation property => property.Instance?.Type ?? property.Property.ContainingType,
                IInvocationOperation invocation => invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType,
                _ => null,
            };

            return context is INamedTypeSymbol named && symbols.IsDbContext(named) &&
                   !SymbolEqualityComparer.Default.Equals(named, symbols.DbContext)
                ? named
                : null;
        }

        /// <summary>The context of the chain's root expression, bound on demand (TG0005 starts from IgnoreQueryFilters).</summary>
        public static INamedTypeSymbol? ContextOf(ExpressionSyntax root, SemanticModel model, EfSymbols symbols, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(root, cancellationToken);
            if (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation != null && EntityOf(operation, symbols) != null ? ContextOf(operation, symbols) : null;
        }
    }
}
