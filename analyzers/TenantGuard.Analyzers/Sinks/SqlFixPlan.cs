using System.Collections.Generic;
using System.Collections.Immutable;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// How a code fix adds the tenant predicate to SQL at a sink: the edits to its literal and how the tenant value is
    /// written there (@tenantId, or {tenantId} in an EF Core interpolated query). No edits where the call shape has no
    /// safe way to pass the value; the fixes then offer nothing.
    /// </summary>
    internal static class SqlFixPlan
    {
        public static ImmutableDictionary<string, string?> For(SqlAtSink sql, TenantFilterViolation violation)
        {
            var parameter = sql.Options.FirstTenantParameterName;
            var placeholder = PlaceholderFor(sql, parameter);
            IReadOnlyList<SqlTextEdit> edits = placeholder == null || sql.Sql.SingleLiteral == null
                ? new SqlTextEdit[0]
                : violation.CreateTenantPredicateEdits(placeholder);
            return FixProperties.Create(sql.Sink.Kind.ToString(), parameter, edits);
        }

        /// <summary>How the tenant value is written into the SQL for this call shape; null when no fix is offered.</summary>
        private static string? PlaceholderFor(SqlAtSink sql, string parameter)
        {
            // Through a wrapper the way parameters are passed is the wrapper's own: no fix is offered.
            if (sql.Sink.Wrapper != null)
            {
                return null;
            }

            switch (sql.Sink.Kind)
            {
                case SinkKind.EfCoreInterpolated:
                    return "{" + parameter + "}";
                case SinkKind.EfCoreRaw:
                case SinkKind.Configured:
                    return null;
                default:
                    // Npgsql refuses to mix named and positional ($1) parameters in one command.
                    return sql.Sql.HasInterpolationHoles || UsesPositionalParameters(sql.Sql.Text) ? null : "@" + parameter;
            }
        }

        private static bool UsesPositionalParameters(string text)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (text[i] == '$' && char.IsDigit(text[i + 1]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
