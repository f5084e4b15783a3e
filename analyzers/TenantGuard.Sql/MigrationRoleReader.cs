using System;
using System.Collections.Generic;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>A role named in a migration, with the 1-based line of the statement that names it.</summary>
    public sealed class RoleMention
    {
        public RoleMention(string name, int line)
        {
            Name = name;
            Line = line;
        }

        /// <summary>The role's name as PostgreSQL stores it (unquoted names folded to lower case).</summary>
        public string Name { get; }

        public int Line { get; }

        public override string ToString() => Name + " (line " + Line + ")";
    }

    /// <summary>The roles one migration script creates and the roles it relies on.</summary>
    public sealed class MigrationRoles
    {
        public MigrationRoles(IReadOnlyList<RoleMention> created, IReadOnlyList<RoleMention> referenced)
        {
            Created = created;
            Referenced = referenced;
        }

        /// <summary>CREATE ROLE / USER / GROUP, at top level or inside a DO block (whatever its IF guards).</summary>
        public IReadOnlyList<RoleMention> Created { get; }

        /// <summary>Roles granted to, granted, made owners, named by policies, default privileges, SET ROLE or ALTER ROLE.</summary>
        public IReadOnlyList<RoleMention> Referenced { get; }
    }

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
