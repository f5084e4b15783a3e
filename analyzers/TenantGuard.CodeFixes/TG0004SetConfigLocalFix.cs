using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TenantGuard.Analyzers;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>TG0004: rewrites a session-scoped SET / set_config to SELECT set_config(name, value, true).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TG0004SetConfigLocalFix)), Shared]
    public sealed class TG0004SetConfigLocalFix : PlannedCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SessionScopedTenantSetting);

        private protected override PlannedFix? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var literal = SqlLiteralLocator.Find(root, diagnostic);
            var rewritten = literal == null ? null : SqlLiteralRewriter.Rewrite(literal, FixProperties.ReadEdits(diagnostic.Properties));
            return literal == null || rewritten == null
                ? null
                : new PlannedFix("Use set_config(..., true) scoped to the transaction", editor => editor.ReplaceNode(literal, rewritten));
        }
    }
}
