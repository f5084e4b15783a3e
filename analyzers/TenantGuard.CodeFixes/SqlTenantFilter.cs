using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// Adds the tenant predicate an analyzer planned (its edits in the diagnostic's properties) to a SQL literal, and
    /// passes the tenant value the predicate names. Shared by the TG0001 and TG0002 fixes.
    /// </summary>
    internal static class SqlTenantFilter
    {
        /// <summary>The edit to make, or null when the literal, the planned edits or the call shape do not allow one.</summary>
        public static Action<DocumentEditor>? Plan(ExpressionSyntax? literal, ImmutableDictionary<string, string?> properties)
        {
            var rewritten = literal == null ? null : SqlLiteralRewriter.Rewrite(literal, FixProperties.ReadEdits(properties));
            if (literal == null || rewritten == null ||
                !properties.TryGetValue(FixProperties.SinkKind, out var sink) || sink == null ||
                !properties.TryGetValue(FixProperties.TenantParameter, out var parameter) || string.IsNullOrEmpty(parameter))
            {
                return null;
            }

            var passValue = TenantValuePassing.Plan(literal, sink, parameter!);
            if (passValue == null)
            {
                return null;
            }

            return editor =>
            {
                editor.ReplaceNode(literal, rewritten);
                passValue(editor);
            };
        }
    }
}
