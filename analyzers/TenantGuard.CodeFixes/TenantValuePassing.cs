using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// How the fixes pass the tenant value that a rewritten SQL literal now names (@tenantId): a member of Dapper's
    /// anonymous parameter object (also in a CommandDefinition), cmd.Parameters.AddWithValue after an Npgsql command's
    /// creation, or nothing for a {tenantId} hole in an EF Core interpolated query.
    /// </summary>
    internal static class TenantValuePassing
    {
        /// <summary>How the tenant value reaches the database for this call shape; null when the shape is not supported.</summary>
        public static Action<DocumentEditor>? Plan(ExpressionSyntax literal, string sink, string parameter)
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
