using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantGuard.Analyzers.EfCore;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Tenancy;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0005: IgnoreQueryFilters() on a query whose entity has a tenant query filter, without a tenant predicate in
    /// the same query: the query sees every tenant's rows.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0005QueryFilterIgnoredOnTenantEntity : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0005);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = TenantGuardCompilation.Get(start.Compilation, start.Options, start.CancellationToken);
                if (!compilation.EfSymbols.IsAvailable || compilation.EfSymbols.QueryableExtensions == null)
                {
                    return;
                }

                start.RegisterOperationAction(operation => Analyze(operation, compilation), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, TenantGuardCompilation compilation)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var symbols = compilation.EfSymbols;
            if (!symbols.IsIgnoreQueryFilters(invocation.TargetMethod) ||
                invocation.TargetMethod.TypeArguments.Length != 1 ||
                !(invocation.Syntax is InvocationExpressionSyntax call) ||
                !(call.Expression is MemberAccessExpressionSyntax access))
            {
                return;
            }

            var options = compilation.GetOptions(call.SyntaxTree);
            if (compilation.IsExemptTestCode(options) || CrossTenantExemption.IsExempt(context.ContainingSymbol))
            {
                return;
            }

            var model = compilation.GetEfTenancy(options, context.CancellationToken);
            var entity = invocation.TargetMethod.TypeArguments[0];
            if (!model.IsTenantOwned(entity))
            {
                return;
            }

            var chain = EfQueryChain.Containing(call);
            var queryContext = invocation.SemanticModel == null
                ? null
                : QueryRoots.ContextOf(chain.Root, invocation.SemanticModel, symbols, context.CancellationToken);
            var tenantMember = model.TenantMember(entity);
            var filter = IgnoredTenantFilter(model, entity, queryContext, invocation) ??
                         AssumedTenantFilter(model, queryContext, tenantMember, invocation);
            if (filter == null || chain.HasTenantPredicate(options))
            {
                return;
            }

            var location = Location.Create(call.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, call.Span.End));
            var properties = FixPropertiesFor(invocation, entity, tenantMember, options, context);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TG0005, location, properties,
                call.ArgumentList.Arguments.Count == 0 ? "IgnoreQueryFilters()" : "IgnoreQueryFilters(\"" + filter.Key + "\")",
                entity.Name,
                filter.Source,
                tenantMember?.Name ?? "tenant"));
        }

        /// <summary>
        /// IgnoreQueryFilters() switches off every filter; EF Core 10's IgnoreQueryFilters(["Tenant"]) only the named ones,
        /// so it matters only when it names the tenant filter.
        /// </summary>
        private static TenantFilter? IgnoredTenantFilter(EfTenancyModel model, ITypeSymbol entity, INamedTypeSymbol? queryContext, IInvocationOperation invocation)
        {
            var named = NamedKeys(invocation);
            foreach (var filter in model.Filters)
            {
                if (filter.AppliesIn(queryContext) && filter.Covers(entity) &&
                    (named == null || (filter.Key != null && named.Contains(filter.Key))))
                {
                    return filter;
                }
            }

            return null;
        }

        /// <summary>
        /// The filter of a DbContext this compilation cannot read (declared in a referenced project): an entity with a
        /// tenant property there is taken to be filtered by tenant, so the un-named IgnoreQueryFilters() drops it.
        /// </summary>
        private static TenantFilter? AssumedTenantFilter(EfTenancyModel model, INamedTypeSymbol? queryContext, ISymbol? tenantMember, IInvocationOperation invocation)
        {
            if (tenantMember == null || NamedKeys(invocation) != null || !model.FiltersOutOfSight(queryContext))
            {
                return null;
            }

            var where = queryContext == null ? "its DbContext is in another project" : queryContext.Name + " is declared in another project";
            return new TenantFilter(null, ImmutableArray<ITypeSymbol>.Empty, queryContext, null, "the tenant filter assumed on its " + tenantMember.Name + ": " + where);
        }

        /// <summary>The constant filter names given to the named form; null for the un-named form.</summary>
        private static HashSet<string>? NamedKeys(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length < 2)
            {
                return null;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in invocation.Arguments[1].Descendants())
            {
                if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is string key)
                {
                    keys.Add(key);
                }
            }

            return keys;
        }

        private static ImmutableDictionary<string, string?> FixPropertiesFor(
            IInvocationOperation invocation, ITypeSymbol entity, ISymbol? tenantMember, TenantGuardOptions options, OperationAnalysisContext context)
        {
            var memberType = tenantMember == null ? null : TypeRelations.TypeOf(tenantMember);
            if (memberType == null || invocation.SemanticModel == null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var value = TenantValueInScope.Find(invocation.SemanticModel, invocation.Syntax.SpanStart, memberType, options, context.CancellationToken);
            var parameter = char.ToLowerInvariant(entity.Name[0]).ToString();
            if (value != null && (value == parameter || value.StartsWith(parameter + ".", StringComparison.Ordinal)))
            {
                parameter = "entity";
            }

            return EfFixProperties.Create(tenantMember!.Name, value, parameter);
        }
    }
}
