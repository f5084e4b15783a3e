using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    public sealed class TG0001AddTenantParameterFix : PlannedCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DataAccessMethodWithoutTenantScope);

        private protected override PlannedFix? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var method = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method == null || method.ExplicitInterfaceSpecifier != null ||
                !diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var name) || string.IsNullOrEmpty(name) ||
                IsDeclaredIn(method, name!) ||
                WouldCollideWithAnOverload(model, method, cancellationToken))
            {
                // A new parameter on an explicit implementation no longer implements the interface; a name the
                // method already declares, or an overload taking the tenant already, would not compile.
                return null;
            }

            var filterQuery = PlanQueryFilter(root, diagnostic, name!);
            if (filterQuery == null)
            {
                return null;
            }

            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name!))
                .WithType(SyntaxFactory.ParseTypeName(TenantParameterType(model, method, name!, diagnostic, cancellationToken)).WithTrailingTrivia(SyntaxFactory.Space));
            var parameters = method.ParameterList.Parameters;
            var index = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword) ? 1 : 0;
            var parameterList = method.ParameterList.WithParameters(parameters.Insert(index, parameter));
            return new PlannedFix(
                "Add a '" + name + "' parameter and filter the query by it",
                editor =>
                {
                    editor.ReplaceNode(method.ParameterList, parameterList);
                    filterQuery(editor);
                });
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
        private static bool WouldCollideWithAnOverload(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            if (!(model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol))
            {
                return true;
            }

            return symbol.ContainingType.GetMembers(symbol.Name).OfType<IMethodSymbol>().Any(other =>
                other.Parameters.Length == symbol.Parameters.Length + 1 &&
                other.Parameters.Skip(1).Select(p => p.Type).SequenceEqual(symbol.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default));
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
