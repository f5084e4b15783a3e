using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    public sealed class TG0005ReapplyTenantPredicateFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.QueryFilterIgnoredOnTenantEntity);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(EfFixProperties.TenantMember, out var member) ||
                    !diagnostic.Properties.TryGetValue(EfFixProperties.TenantValue, out var value) ||
                    !diagnostic.Properties.TryGetValue(EfFixProperties.LambdaParameter, out var parameter) ||
                    member == null || value == null || parameter == null ||
                    !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                        .FirstAncestorOrSelf<InvocationExpressionSyntax>() is InvocationExpressionSyntax call))
                {
                    continue;
                }

                var predicate = WhereCall.TenantPredicate(parameter, member, value);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Filter by " + member + " again after IgnoreQueryFilters()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, WhereCall.Append(call, predicate)))),
                        equivalenceKey: nameof(TG0005ReapplyTenantPredicateFix)),
                    diagnostic);
            }
        }
    }
}
