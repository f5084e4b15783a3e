using System;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>
    /// Reads which roles a migration script creates and which it needs to exist, so the roles a team creates outside
    /// its migrations (by hand, by infrastructure code) can be told from the roles the migrations define. Never throws.
    /// </summary>
    public static class MigrationRoleReader
    {
        public static MigrationRoles Read(string sqlText)
        {
            try
            {
                return RoleReferenceScanner.Scan(sqlText ?? string.Empty);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return new MigrationRoles(Array.Empty<RoleMention>(), Array.Empty<RoleMention>());
            }
        }
    }
}
