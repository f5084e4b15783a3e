using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.EfCore;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// TG0005: re-applies the tenant predicate right after IgnoreQueryFilters(), with the tenant value the analyzer
    /// found in scope: <c>.IgnoreQueryFilters().Where(o => o.TenantId == tenantId)</c>. No fix without such a value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TG0005ReapplyTenantPredicateFix)), Shared]
    public sealed class TG0005ReapplyTenantPredicateFix : PlannedCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.QueryFilterIgnoredOnTenantEntity);

        private protected override PlannedFix? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(EfFixProperties.TenantMember, out var member) ||
                !diagnostic.Properties.TryGetValue(EfFixProperties.TenantValue, out var value) ||
                !diagnostic.Properties.TryGetValue(EfFixProperties.LambdaParameter, out var parameter) ||
                member == null || value == null || parameter == null ||
                !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    .FirstAncestorOrSelf<InvocationExpressionSyntax>() is InvocationExpressionSyntax call))
            {
                return null;
            }

            var predicate = WhereCall.TenantPredicate(parameter, member, value);
            return new PlannedFix(
                "Filter by " + member + " again after IgnoreQueryFilters()",
                editor => editor.ReplaceNode(call, (current, _) => WhereCall.Append((ExpressionSyntax)current, predicate)));
        }
    }
}
