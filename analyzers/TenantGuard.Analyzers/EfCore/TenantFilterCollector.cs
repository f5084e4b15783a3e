using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// Finds the tenant query filters of a compilation in one pass over its syntax trees. Only the few nodes that can
    /// declare a filter (HasQueryFilter, SetQueryFilter, IsMultiTenant, a filter helper given a tenant lambda,
    /// [MultiTenant], an AbpDbContext subclass) are bound, so the cost is a syntax walk plus a handful of lookups.
    /// </summary>
    internal sealed class TenantFilterCollector
    {
        // ABP (IMultiTenant) and ASP.NET Boilerplate (IMustHaveTenant, IMayHaveTenant): AbpDbContext filters these.
        private static readonly string[] s_abpTenantInterfaces =
        {
            "Volo.Abp.MultiTenancy.IMultiTenant", "Abp.Domain.Entities.IMustHaveTenant", "Abp.Domain.Entities.IMayHaveTenant",
        };

        private readonly Compilation _compilation;
        private readonly EfSymbols _symbols;
        private readonly TenantGuardOptions _options;
        private readonly ImmutableArray<TenantFilter>.Builder _filters = ImmutableArray.CreateBuilder<TenantFilter>();

        private TenantFilterCollector(Compilation compilation, EfSymbols symbols, TenantGuardOptions options)
        {
            _compilation = compilation;
            _symbols = symbols;
            _options = options;
        }

        public static ImmutableArray<TenantFilter> Collect(Compilation compilation, EfSymbols symbols, TenantGuardOptions options, CancellationToken cancellationToken)
        {
            var collector = new TenantFilterCollector(compilation, symbols, options);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                collector.Visit(tree, cancellationToken);
            }

            return collector._filters.ToImmutable();
        }

        private void Visit(SyntaxTree tree, CancellationToken cancellationToken)
        {
            SemanticModel? model = null;
            SemanticModel Model() => model ??= _compilation.GetSemanticModel(tree);

            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        var name = MethodName(invocation);
                        if (name == "HasQueryFilter" || name == "SetQueryFilter")
                        {
                            VisitQueryFilter(invocation, Model(), cancellationToken);
                        }
                        else if (name == "IsMultiTenant")
                        {
                            VisitIsMultiTenant(invocation, Model(), cancellationToken);
                        }
                        else if (name != null && name.IndexOf("Filter", StringComparison.Ordinal) >= 0)
                        {
                            VisitFilterHelper(invocation, Model(), cancellationToken);
                        }

                        break;
                    case ClassDeclarationSyntax type when type.AttributeLists.Count > 0 || type.BaseList != null:
                        VisitClass(type, Model, cancellationToken);
                        break;
                }
            }
        }

        /// <summary>HasQueryFilter / SetQueryFilter: a tenant lambda, or a filter built in a loop guarded by typeof(ITenantEntity).</summary>
        private void VisitQueryFilter(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var lambda = LambdaArgument(invocation);
            var key = KeyArgument(invocation, model, cancellationToken);
            var source = MethodName(invocation) + DescribeLocation(invocation, model, cancellationToken);
            if (lambda != null)
            {
                if (TenantComparisons.IsTenantPredicate(lambda, _options))
                {
                    AddForLambdaParameter(lambda, model, key, source, invocation, cancellationToken);
                }

                return;
            }

            // A filter expression built elsewhere: only the loop's guard says which entities it is for.
            foreach (var included in LoopGuards.IncludedTypes(invocation, model, cancellationToken))
            {
                if (HasTenantMember(included))
                {
                    Add(included, ImmutableArray<ITypeSymbol>.Empty, invocation, model, key, source, cancellationToken);
                }
            }
        }

        /// <summary>Finbuckle's IsMultiTenant() on EntityTypeBuilder&lt;T&gt;, or on every entity type of a loop.</summary>
        private void VisitIsMultiTenant(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var source = "Finbuckle IsMultiTenant()" + DescribeLocation(invocation, model, cancellationToken);
            var builder = BuilderOf(invocation, model, cancellationToken);
            if (builder is INamedTypeSymbol named && named.TypeArguments.Length == 1)
            {
                foreach (var target in Targets(named.TypeArguments[0]))
                {
                    Add(target, ImmutableArray<ITypeSymbol>.Empty, invocation, model, null, source, cancellationToken);
                }

                return;
            }

            var included = LoopGuards.IncludedTypes(invocation, model, cancellationToken);
            foreach (var target in included)
            {
                Add(target, ImmutableArray<ITypeSymbol>.Empty, invocation, model, null, source, cancellationToken);
            }

            if (included.IsEmpty && LoopGuards.IsInEntityTypeLoop(invocation))
            {
                Add(null, LoopGuards.ExcludedTypes(invocation, model, cancellationToken), invocation, model, null, source, cancellationToken);
            }
        }

        /// <summary>
        /// The entity type builder IsMultiTenant() is called on: from the bound method, or, when Finbuckle is not resolved
        /// (a package not restored yet, code being typed), from the receiver's type.
        /// </summary>
        private static ITypeSymbol? BuilderOf(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                return method.ReducedFrom != null ? method.ReceiverType : method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
            }

            return invocation.Expression is MemberAccessExpressionSyntax access
                ? model.GetTypeInfo(access.Expression, cancellationToken).Type
                : null;
        }

        /// <summary>A helper applying a filter per interface: modelBuilder.AppendGlobalQueryFilter&lt;IMustHaveTenant&gt;(e => e.TenantId == ...).</summary>
        private void VisitFilterHelper(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var lambda = LambdaArgument(invocation);
            if (lambda == null || !TenantComparisons.IsTenantPredicate(lambda, _options) || !InvolvesModelBuilder(invocation, model, cancellationToken))
            {
                return;
            }

            var source = MethodName(invocation) + DescribeLocation(invocation, model, cancellationToken);
            AddForLambdaParameter(lambda, model, KeyArgument(invocation, model, cancellationToken), source, invocation, cancellationToken);
        }

        private void VisitClass(ClassDeclarationSyntax type, Func<SemanticModel> model, CancellationToken cancellationToken)
        {
            var hasMultiTenantAttribute = false;
            foreach (var list in type.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : attribute.Name.ToString();
                    hasMultiTenantAttribute |= name == "MultiTenant" || name == "MultiTenantAttribute";
                }
            }

            var mayBeAbpContext = type.BaseList != null && type.BaseList.Types.Any(t => t.Type.ToString().IndexOf("AbpDbContext", StringComparison.Ordinal) >= 0);
            if (!hasMultiTenantAttribute && !mayBeAbpContext)
            {
                return;
            }

            if (!(model().GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol))
            {
                return;
            }

            if (hasMultiTenantAttribute)
            {
                _filters.Add(new TenantFilter(symbol, ImmutableArray<ITypeSymbol>.Empty, null, null, "Finbuckle [MultiTenant] on " + symbol.Name));
            }

            if (mayBeAbpContext && DerivesFromTypeNamed(symbol, "AbpDbContext"))
            {
                foreach (var metadataName in s_abpTenantInterfaces)
                {
                    var iface = _compilation.GetTypeByMetadataName(metadataName);
                    if (iface != null)
                    {
                        _filters.Add(new TenantFilter(iface, ImmutableArray<ITypeSymbol>.Empty, symbol, null, "AbpDbContext's " + iface.Name + " filter in " + symbol.Name));
                    }
                }
            }
        }

        private void AddForLambdaParameter(ExpressionSyntax lambda, SemanticModel model, string? key, string source, SyntaxNode at, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol function) || function.Parameters.Length == 0)
            {
                return;
            }

            foreach (var target in Targets(function.Parameters[0].Type))
            {
                Add(target, ImmutableArray<ITypeSymbol>.Empty, at, model, key, source, cancellationToken);
            }
        }

        /// <summary>A concrete entity, or for a type parameter (a generic helper per interface) its constraint types.</summary>
        private IEnumerable<ITypeSymbol> Targets(ITypeSymbol type)
        {
            if (type is ITypeParameterSymbol parameter)
            {
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    if (HasTenantMember(constraint))
                    {
                        yield return constraint;
                    }
                }
            }
            else if (type.TypeKind != TypeKind.Error)
            {
                yield return type;
            }
        }

        private void Add(ITypeSymbol? target, ImmutableArray<ITypeSymbol> excluded, SyntaxNode at, SemanticModel model, string? key, string source, CancellationToken cancellationToken)
        {
            var containingType = model.GetEnclosingSymbol(at.SpanStart, cancellationToken)?.ContainingType;
            var context = _symbols.IsDbContext(containingType) ? containingType : null;
            _filters.Add(new TenantFilter(target, excluded, context, key, source));
        }

        private bool HasTenantMember(ITypeSymbol type) =>
            TypeRelations.FindMember(type, name => TenantComparisons.IsTenantMemberName(name, _options)) != null;

        private static bool InvolvesModelBuilder(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method))
            {
                return false;
            }

            var receiver = method.ReducedFrom != null ? method.ReceiverType : method.ContainingType;
            if (IsModelBuilding(receiver))
            {
                return true;
            }

            foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
            {
                if (IsModelBuilding(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsModelBuilding(ITypeSymbol? type) =>
            type != null && (type.Name == "ModelBuilder" || type.Name == "EntityTypeBuilder" || type.Name == "IMutableEntityType" || type.Name == "IMutableModel");

        private static bool DerivesFromTypeNamed(INamedTypeSymbol type, string name)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static ExpressionSyntax? LambdaArgument(InvocationExpressionSyntax invocation)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is LambdaExpressionSyntax lambda)
                {
                    return lambda;
                }
            }

            return null;
        }

        /// <summary>The filter name of EF Core 10's HasQueryFilter("Tenant", e => ...).</summary>
        private static string? KeyArgument(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!(argument.Expression is LambdaExpressionSyntax) &&
                    model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string key })
                {
                    return key;
                }
            }

            return null;
        }

        /// <summary>" in ShopContext.OnModelCreating": where the filter is declared.</summary>
        private static string DescribeLocation(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var member = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            while (member is IMethodSymbol method && (method.MethodKind == MethodKind.AnonymousFunction || method.MethodKind == MethodKind.LocalFunction))
            {
                member = method.ContainingSymbol;
            }

            return member?.ContainingType == null ? string.Empty : " in " + member.ContainingType.Name + "." + member.Name;
        }
    }
}
