using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// A fix provider whose fix for each diagnostic is planned on the original document and applied through one
    /// editor, so that Fix All fixes every diagnostic that has a fix and skips those that have none. The batch fixer
    /// gives up when the diagnostic it is asked about has no fix: dotnet format asks about the first diagnostic of
    /// the solution and then reported "didn't return a Fix All action" and fixed nothing.
    /// </summary>
    public abstract class PlannedCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var fix = Plan(root, model, diagnostic, context.CancellationToken);
                if (fix == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => ApplyAsync(context.Document, fix, cancellationToken), equivalenceKey: GetType().Name),
                    diagnostic);
            }
        }

        /// <summary>The fix for <paramref name="diagnostic"/>, or null when it has none.</summary>
        private protected abstract PlannedFix? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

        private static async Task<Document> ApplyAsync(Document document, PlannedFix fix, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            fix.Apply(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>
        /// Every diagnostic of the document that has a fix, each planned on the original document. Diagnostics at the
        /// same place (two tables of one SQL literal) are fixed one per pass: their edits were planned on the same text.
        /// </summary>
        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
            var fixedSpans = new HashSet<TextSpan>();
            foreach (var diagnostic in diagnostics)
            {
                if (fixedSpans.Contains(diagnostic.Location.SourceSpan))
                {
                    continue;
                }

                var fix = Plan(root, model, diagnostic, context.CancellationToken);
                if (fix != null)
                {
                    fix.Apply(editor);
                    fixedSpans.Add(diagnostic.Location.SourceSpan);
                }
            }

            return fixedSpans.Count == 0 ? null : editor.GetChangedDocument();
        }
    }
}
