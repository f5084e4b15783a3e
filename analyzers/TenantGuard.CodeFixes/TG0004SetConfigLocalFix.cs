using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>TG0004: rewrites a session-scoped SET / set_config to SELECT set_config(name, value, true).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TG0004SetConfigLocalFix)), Shared]
    public sealed class TG0004SetConfigLocalFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SessionScopedTenantSetting);

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
                var literal = SqlLiteralLocator.Find(root, diagnostic);
                var edits = FixProperties.ReadEdits(diagnostic.Properties);
                var rewritten = literal == null ? null : SqlLiteralRewriter.Rewrite(literal, edits);
                if (literal == null || rewritten == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use set_config(..., true) scoped to the transaction",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, rewritten))),
                        equivalenceKey: nameof(TG0004SetConfigLocalFix)),
                    diagnostic);
            }
        }
    }
}
