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
                var rewritten = literal == null ? null : SqlLiteralRewriter.Rewrite(literal, FixProperties.ReadEdits(diagnostic.Properties));
                if (literal == null || rewritten == null ||
                    !diagnostic.Properties.TryGetValue(FixProperties.SinkKind, out var sink) || sink == null ||
                    !diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var parameter) || string.IsNullOrEmpty(parameter) ||
                    !model.LookupSymbols(literal.SpanStart, name: parameter).Any(IsValue))
                {
                    continue;
                }

                var passValue = PlanParameter(literal, sink, parameter!);
                if (passValue == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Filter by the tenant",
                        cancellationToken => ApplyAsync(context.Document, literal, rewritten, passValue, cancellationToken),
                        equivalenceKey: nameof(TG0002AddTenantFilterFix)),
                    diagnostic);
            }
        }

        private static bool IsValue(ISymbol symbol) =>
            symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IFieldSymbol || symbol is IPropertySymbol;

        private static async Task<Document> ApplyAsync(
            Document document, ExpressionSyntax literal, ExpressionSyntax rewritten, Action<DocumentEditor> passValue, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(literal, rewritten);
            passValue(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>How the tenant value reaches the database for this call shape; null when the shape is not supported.</summary>
        private static Action<DocumentEditor>? PlanParameter(ExpressionSyntax literal, string sink, string parameter)
        {
            switch (sink)
            {
                case nameof(SinkKind.EfCoreInterpolated):
                    return literal is InterpolatedStringExpressionSyntax ? _ => { } : null;
                case nameof(SinkKind.Dapper):
                    return PlanDapper(literal, parameter, "param");
                case nameof(SinkKind.DapperCommandDefinition):
                    return PlanDapper(literal, parameter, "parameters");
                case nameof(SinkKind.CommandConstructor):
                case nameof(SinkKind.DataSourceCreateCommand):
                    return PlanAfterCreation(literal, parameter);
                case nameof(SinkKind.CommandTextAssignment):
                    return PlanAfterAssignment(literal, parameter);
                default:
                    return null;
            }
        }

        /// <summary>Dapper's parameter object: the argument after the SQL, or the one named <paramref name="argumentName"/>.</summary>
        private static Action<DocumentEditor>? PlanDapper(ExpressionSyntax literal, string parameter, string argumentName)
        {
            if (!(literal.Parent is ArgumentSyntax sqlArgument) || !(sqlArgument.Parent is ArgumentListSyntax arguments))
            {
                return null;
            }

            var sqlIndex = arguments.Arguments.IndexOf(sqlArgument);
            var paramArgument = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == argumentName)
                ?? (sqlIndex + 1 < arguments.Arguments.Count && arguments.Arguments[sqlIndex + 1].NameColon == null
                    ? arguments.Arguments[sqlIndex + 1]
                    : null);
            var member = SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.IdentifierName(parameter));

            if (paramArgument == null)
            {
                var newObject = SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SingletonSeparatedList(member));
                var named = SyntaxFactory.Argument(newObject).WithNameColon(SyntaxFactory.NameColon(argumentName));
                return editor => editor.ReplaceNode(arguments, (current, _) => ((ArgumentListSyntax)current).AddArguments(named));
            }

            if (!(paramArgument.Expression is AnonymousObjectCreationExpressionSyntax anonymous))
            {
                return null;
            }

            if (anonymous.Initializers.Any(i => MemberName(i) == parameter))
            {
                return _ => { };
            }

            return editor => editor.ReplaceNode(anonymous, (current, _) => ((AnonymousObjectCreationExpressionSyntax)current).AddInitializers(member));
        }

        private static string? MemberName(AnonymousObjectMemberDeclaratorSyntax member) =>
            member.NameEquals?.Name.Identifier.ValueText ??
            (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText ??
            (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;

        private static Action<DocumentEditor>? PlanAfterCreation(ExpressionSyntax literal, string parameter)
        {
            var declarator = literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            var statement = declarator?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            if (declarator == null || statement == null || !(statement.Parent is BlockSyntax))
            {
                return null;
            }

            var add = AddWithValue(SyntaxFactory.IdentifierName(declarator.Identifier.ValueText), parameter)
                .WithLeadingTrivia(statement.GetLeadingTrivia());
            return editor => editor.InsertAfter(statement, add);
        }

        private static Action<DocumentEditor>? PlanAfterAssignment(ExpressionSyntax literal, string parameter)
        {
            if (!(literal.Parent is AssignmentExpressionSyntax assignment) ||
                !(assignment.Left is MemberAccessExpressionSyntax target) ||
                !(assignment.Parent is ExpressionStatementSyntax statement) ||
                !(statement.Parent is BlockSyntax))
            {
                return null;
            }

            var add = AddWithValue(target.Expression.WithoutTrivia(), parameter).WithLeadingTrivia(statement.GetLeadingTrivia());
            return editor => editor.InsertAfter(statement, add);
        }

        private static StatementSyntax AddWithValue(ExpressionSyntax command, string parameter) =>
            SyntaxFactory.ParseStatement(command + ".Parameters.AddWithValue(\"" + parameter + "\", " + parameter + ");" + Environment.NewLine);
    }
}
