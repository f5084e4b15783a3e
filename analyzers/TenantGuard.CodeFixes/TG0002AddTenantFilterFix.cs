using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
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
    public sealed class TG0002AddTenantFilterFix : PlannedCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.QueryWithoutTenantFilter);

        private protected override PlannedFix? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var literal = SqlLiteralLocator.Find(root, diagnostic);
            var edit = SqlTenantFilter.Plan(literal, diagnostic.Properties);
            if (literal == null || edit == null ||
                !diagnostic.Properties.TryGetValue(FixProperties.TenantParameter, out var parameter) ||
                !model.LookupSymbols(literal.SpanStart, name: parameter).Any(IsValue))
            {
                return null;
            }

            return new PlannedFix("Filter by the tenant", edit);
        }

        private static bool IsValue(ISymbol symbol) =>
            symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IFieldSymbol || symbol is IPropertySymbol;
    }
}
