using System;
using System.Collections.Generic;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>Follows CREATE / ALTER / DROP TABLE through a migration script. Never throws on any input text.</summary>
    public static class MigrationSchemaReader
    {
        public static MigrationSchemaResult Read(string sqlText, string tenantColumn)
        {
            try
            {
                return MigrationSchemaTracker.Read(sqlText ?? string.Empty, tenantColumn ?? string.Empty);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                var problem = new SqlProblem("The migration could not be read (" + exception.Message + "); no tables were taken from it.", 1, 1, 0);
                return new MigrationSchemaResult(Array.Empty<QualifiedName>(), Array.Empty<QualifiedName>(), new List<SqlProblem> { problem });
            }
        }
    }
}
