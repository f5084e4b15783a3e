using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// TG0001: adds the tenant parameter as the method's first parameter, typed like the tenant parameters of the
    /// type's other methods (Guid when there are none). Callers then fail to compile until they pass a tenant.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TG0001AddTenantParameterFix)), Shared]
    public sealed class TG0001AddTenantParameterFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DataAccessMethodWithoutTenantScope);

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
                var method = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
                if (method == null || method.ExplicitInterfaceSpecifier != null)
                {
                    // A new parameter on an explicit implementation no longer implements the interface.
                    continue;
                }

                // No name: the method has a tenant parameter already and does not use it; another one would not help.
                if (!diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var name) || string.IsNullOrEmpty(name) ||
                    method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name) ||
                    await WouldCollideWithAnOverloadAsync(context.Document, method, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add a '" + name + "' parameter",
                        cancellationToken => AddParameterAsync(context.Document, method, name!, cancellationToken),
                        equivalenceKey: nameof(TG0001AddTenantParameterFix)),
                    diagnostic);
            }
        }

        /// <summary>A sibling with the same name that already takes one more parameter and otherwise the same ones (CS0111).</summary>
        private static async Task<bool> WouldCollideWithAnOverloadAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol)
                return true;
            return symbol.ContainingType.GetMembers(symbol.Name).OfType<IMethodSymbol>().Any(other =>
                other.Parameters.Length == symbol.Parameters.Length + 1 &&
                other.Parameters.Skip(1).Select(p => p.Type).SequenceEqual(symbol.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default));
        }

        private static async Task<Document> AddParameterAsync(Document document, MethodDeclarationSyntax method, string name, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var type = TenantParameterType(model, method, name, cancellationToken);
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithType(SyntaxFactory.ParseTypeName(type).WithTrailingTrivia(SyntaxFactory.Space));
            var parameters = method.ParameterList.Parameters;
            var index = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword) ? 1 : 0;
            var updated = method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(index, parameter)));
            return document.WithSyntaxRoot(root.ReplaceNode(method, updated));
        }

        private static string TenantParameterType(SemanticModel model, MethodDeclarationSyntax method, string name, CancellationToken cancellationToken)
        {
            var symbol = model.GetDeclaredSymbol(method, cancellationToken);
            var sibling = symbol?.ContainingType.GetMembers().OfType<IMethodSymbol>()
                .SelectMany(m => m.Parameters)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (sibling != null)
            {
                return sibling.Type.ToMinimalDisplayString(model, method.SpanStart);
            }

            return model.LookupNamespacesAndTypes(method.SpanStart, name: "Guid").Any() ? "Guid" : "System.Guid";
        }
    }
}
