using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.EfCore;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Tenancy;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0006: a LINQ query over a tenant-owned entity whose DbContext has no tenant query filter for it, and which
    /// does not filter by the tenant property itself. Reported once per query, at its root (db.Orders, db.Set&lt;T&gt;()).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0006QueryOnUnfilteredTenantEntity : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0006);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = TenantGuardCompilation.Get(start.Compilation, start.Options, start.CancellationToken);
                if (!compilation.EfSymbols.IsAvailable)
                {
                    return;
                }

                start.RegisterOperationAction(
                    operation => Analyze(operation, compilation),
                    OperationKind.PropertyReference, OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, TenantGuardCompilation compilation)
        {
            var symbols = compilation.EfSymbols;
            var entity = QueryRoots.EntityOf(context.Operation, symbols);
            if (entity == null || !(context.Operation.Syntax is ExpressionSyntax root) || context.Operation.SemanticModel == null)
            {
                return;
            }

            var options = compilation.GetOptions(root.SyntaxTree);
            if (compilation.IsExemptTestCode(options) || CrossTenantExemption.IsExempt(context.ContainingSymbol))
            {
                return;
            }

            var model = compilation.GetEfTenancy(options, context.CancellationToken);
            var queryContext = QueryRoots.ContextOf(context.Operation, symbols);
            if (!model.IsTenantOwned(entity) || model.FindFilter(entity, queryContext) != null || model.FiltersOutOfSight(queryContext))
            {
                return;
            }

            var chain = EfQueryChain.From(root);
            if (!chain.IsQuery(context.Operation.SemanticModel, symbols, context.CancellationToken) || chain.HasTenantPredicate(options))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TG0006, root.GetLocation(),
                entity.Name,
                root.ToString(),
                queryContext?.Name ?? "the DbContext",
                model.TenantMember(entity)?.Name ?? "tenant"));
        }
    }
}
