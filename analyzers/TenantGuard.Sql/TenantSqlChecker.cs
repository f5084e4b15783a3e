using System;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>Reads a SQL text and reports tenant-isolation facts about it.</summary>
    public static class TenantSqlChecker
    {
        /// <summary>Checks every statement of <paramref name="sql"/>. Never throws on any input text.</summary>
        public static SqlCheckResult Check(string sql, TenantSchema schema, SqlCheckOptions? options = null)
        {
            if (schema == null)
            {
                throw new ArgumentNullException(nameof(schema));
            }

            try
            {
                return TenantFactsCollector.Collect(sql ?? string.Empty, schema, options ?? DefaultOptions);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // Last line of defence: the reader runs inside the compiler and must never take it down.
                return new SqlCheckResult(false, Array.Empty<TenantFilterViolation>(), Array.Empty<QualifiedName>(), Array.Empty<SessionScopedSetting>());
            }
        }

        private static readonly SqlCheckOptions DefaultOptions = new SqlCheckOptions();
    }
}
