using System;
using System.Collections.Generic;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>Where a migration script creates each object and grants on each table, so findings can point at the
    /// line to change. Never throws.</summary>
    public static class MigrationObjectReader
    {
        public static IReadOnlyList<MigrationObject> Read(string sqlText)
        {
            try
            {
                return ObjectDefinitionScanner.Scan(sqlText ?? string.Empty);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return Array.Empty<MigrationObject>();
            }
        }
    }
}
