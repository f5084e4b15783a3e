using System;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Tables that belong to PostgreSQL or to infrastructure libraries rather than to the application: the system
    /// catalogs, EF Core's migrations history, job schedulers', migration runners' and Marten's bookkeeping. With no declared
    /// schema every other table is assumed tenant-owned; these never are, nor is a name still holding a format
    /// placeholder ("{0}".mt_events), which names no table before it is formatted.
    /// </summary>
    internal static class LibraryTables
    {
        private static readonly string[] s_schemas =
        {
            "pg_catalog", "information_schema", "hangfire", "cron", "partman", "cap", "quartz", "timescaledb_information",
        };

        private static readonly string[] s_names =
        {
            "__efmigrationshistory", "schemaversions", "flyway_schema_history", "versioninfo", "schema_migrations",
            "mt_event_progression", "mt_hilo",
        };

        public static bool Contains(QualifiedName table)
        {
            if (table.Schema != null && Array.IndexOf(s_schemas, table.Schema.ToLowerInvariant()) >= 0)
            {
                return true;
            }

            if (table.Name.IndexOf('{') >= 0 || (table.Schema != null && table.Schema.IndexOf('{') >= 0))
            {
                return true;
            }

            var name = table.Name.ToLowerInvariant();
            return Array.IndexOf(s_names, name) >= 0 || name.StartsWith("qrtz_", StringComparison.Ordinal) ||
                   (table.Schema == null && name.StartsWith("pg_", StringComparison.Ordinal));
        }
    }
}
