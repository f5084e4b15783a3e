using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// TG0002: adds `alias.tenant_col = @tenantId` to the SQL literal and passes the value where the call shape allows:
    /// a member of Dapper's anonymous parameter object (also in a CommandDefinition), cmd.Parameters.AddWithValue after an Npgsql command's creation,
    /// or a {tenantId} hole in an EF Core interpolated query. Offered only when a tenantId is in scope.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TG0002AddTenantFilterFix)), Shared]
    public sealed class TG0002AddTenantFilterFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.QueryWithoutTenantFilter);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var literal = SqlLiteralLocator.Find(root, diagnostic);
                var edit = SqlTenantFilter.Plan(literal, diagnostic.Properties);
                if (literal == null || edit == null ||
                    !diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var parameter) ||
                    !model.LookupSymbols(literal.SpanStart, name: parameter).Any(IsValue))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Filter by the tenant",
                        cancellationToken => ApplyAsync(context.Document, edit, cancellationToken),
                        equivalenceKey: nameof(TG0002AddTenantFilterFix)),
                    diagnostic);
            }
        }

        private static bool IsValue(ISymbol symbol) =>
            symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IFieldSymbol || symbol is IPropertySymbol;

        private static async Task<Document> ApplyAsync(Document document, Action<DocumentEditor> edit, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            edit(editor);
            return editor.GetChangedDocument();
        }
    }
}
