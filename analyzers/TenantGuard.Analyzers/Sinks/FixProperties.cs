using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// Diagnostic properties that carry a ready SQL rewrite to the code fixes, so a fixer never needs the schema:
    /// the edits to the SQL text, the sink kind and the tenant parameter name.
    /// </summary>
    internal static class FixProperties
    {
        public const string SinkKind = "TenantGuard.SinkKind";
        public const string TenantParameter = "TenantGuard.TenantParameter";
        public const string TenantParameterType = "TenantGuard.TenantParameterType";
        public const string EditCount = "TenantGuard.EditCount";

        private const string EditPrefix = "TenantGuard.Edit";

        internal static ImmutableDictionary<string, string?> Create(string sinkKind, string tenantParameter, IReadOnlyList<SqlTextEdit> edits)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[SinkKind] = sinkKind;
            builder[TenantParameter] = tenantParameter;
            builder[EditCount] = edits.Count.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < edits.Count; i++)
            {
                builder[EditPrefix + i + ".Start"] = edits[i].Start.ToString(CultureInfo.InvariantCulture);
                builder[EditPrefix + i + ".Length"] = edits[i].Length.ToString(CultureInfo.InvariantCulture);
                builder[EditPrefix + i + ".Text"] = edits[i].NewText;
            }

            return builder.ToImmutable();
        }

        /// <summary>The edits stored by <see cref="Create"/>; empty when none or when the properties are damaged.</summary>
        public static ImmutableArray<SqlTextEdit> ReadEdits(ImmutableDictionary<string, string?> properties)
        {
            if (!properties.TryGetValue(EditCount, out var countText) ||
                !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return ImmutableArray<SqlTextEdit>.Empty;
            }

            var edits = ImmutableArray.CreateBuilder<SqlTextEdit>(count);
            for (var i = 0; i < count; i++)
            {
                if (!properties.TryGetValue(EditPrefix + i + ".Start", out var startText) ||
                    !properties.TryGetValue(EditPrefix + i + ".Length", out var lengthText) ||
                    !properties.TryGetValue(EditPrefix + i + ".Text", out var newText) ||
                    !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
                    !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    return ImmutableArray<SqlTextEdit>.Empty;
                }

                edits.Add(new SqlTextEdit(start, length, newText ?? string.Empty));
            }

            return edits.MoveToImmutable();
        }
    }
}
