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
using Microsoft.CodeAnalysis.Editing;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.EfCore;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// TG0001: adds the tenant parameter as the method's first parameter and filters the method's one query by it —
    /// `tenant_id = @tenantId` in its SQL literal with the value passed as a Dapper or Npgsql parameter, or
    /// `.Where(o => o.TenantId == tenantId)` on its EF Core query root. Callers then fail to compile until they pass a
    /// tenant. Not offered where the analyzer found no such query, nor where the parameter would collide.
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
                if (method == null || method.ExplicitInterfaceSpecifier != null ||
                    !diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var name) || string.IsNullOrEmpty(name) ||
                    IsDeclaredIn(method, name!) ||
                    await WouldCollideWithAnOverloadAsync(context.Document, method, context.CancellationToken).ConfigureAwait(false))
                {
                    // A new parameter on an explicit implementation no longer implements the interface; a name the
                    // method already declares, or an overload taking the tenant already, would not compile.
                    continue;
                }

                var filterQuery = PlanQueryFilter(root, diagnostic, name!);
                if (filterQuery == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add a '" + name + "' parameter and filter the query by it",
                        cancellationToken => ApplyAsync(context.Document, method, name!, filterQuery, diagnostic, cancellationToken),
                        equivalenceKey: nameof(TG0001AddTenantParameterFix)),
                    diagnostic);
            }
        }

        /// <summary>The edit that makes the query read the new parameter; null when the analyzer planned none.</summary>
        private static Action<DocumentEditor>? PlanQueryFilter(SyntaxNode root, Diagnostic diagnostic, string name)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            if (!diagnostic.Properties.TryGetValue(EfFixProperties.TenantMember, out var member) ||
                !diagnostic.Properties.TryGetValue(EfFixProperties.LambdaParameter, out var lambdaParameter) ||
                member == null || lambdaParameter == null)
            {
                return SqlTenantFilter.Plan(SqlLiteralLocator.Find(root, span), diagnostic.Properties);
            }

            if (!(root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax queryRoot))
            {
                return null;
            }

            var predicate = WhereCall.TenantPredicate(lambdaParameter, member, name);
            return editor => editor.ReplaceNode(queryRoot, (current, _) => WhereCall.Append((ExpressionSyntax)current, predicate));
        }

        private static bool IsDeclaredIn(MethodDeclarationSyntax method, string name) =>
            method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name) ||
            method.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name &&
                                              (t.Parent is VariableDeclaratorSyntax || t.Parent is SingleVariableDesignationSyntax ||
                                               t.Parent is ParameterSyntax || t.Parent is LocalFunctionStatementSyntax));

        /// <summary>A sibling with the same name that already takes one more parameter and otherwise the same ones (CS0111).</summary>
        private static async Task<bool> WouldCollideWithAnOverloadAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (!(model?.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol))
            {
                return true;
            }

            return symbol.ContainingType.GetMembers(symbol.Name).OfType<IMethodSymbol>().Any(other =>
                other.Parameters.Length == symbol.Parameters.Length + 1 &&
                other.Parameters.Skip(1).Select(p => p.Type).SequenceEqual(symbol.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default));
        }

        private static async Task<Document> ApplyAsync(
            Document document, MethodDeclarationSyntax method, string name, Action<DocumentEditor> filterQuery, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var type = TenantParameterType(editor.SemanticModel, method, name, diagnostic, cancellationToken);
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithType(SyntaxFactory.ParseTypeName(type).WithTrailingTrivia(SyntaxFactory.Space));
            var parameters = method.ParameterList.Parameters;
            var index = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword) ? 1 : 0;
            editor.ReplaceNode(method.ParameterList, method.ParameterList.WithParameters(parameters.Insert(index, parameter)));
            filterQuery(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>
        /// The type of the entity's tenant property for an EF Core query; else the type of the tenant parameters of
        /// the type's other methods; else Guid.
        /// </summary>
        private static string TenantParameterType(SemanticModel model, MethodDeclarationSyntax method, string name, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Properties.TryGetValue(EfFixProperties.TenantMember, out var member) && member != null &&
                EntityOf(model, diagnostic, cancellationToken) is ITypeSymbol entity &&
                TypeRelations.FindMember(entity, candidate => candidate == member) is ISymbol tenantMember &&
                TypeRelations.TypeOf(tenantMember) is ITypeSymbol memberType)
            {
                return memberType.ToMinimalDisplayString(model, method.SpanStart);
            }

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

        /// <summary>T of the DbSet&lt;T&gt; the query root (the diagnostic's additional location) reads.</summary>
        private static ITypeSymbol? EntityOf(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            return model.GetTypeInfo(node, cancellationToken).Type is INamedTypeSymbol { TypeArguments: { Length: 1 } arguments } ? arguments[0] : null;
        }
    }
}
