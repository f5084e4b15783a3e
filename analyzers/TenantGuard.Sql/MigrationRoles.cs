using System.Collections.Generic;

namespace TenantGuard.Sql
{
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
}
