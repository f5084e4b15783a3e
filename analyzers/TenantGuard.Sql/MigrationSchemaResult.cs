using System.Collections.Generic;

namespace TenantGuard.Sql
{
    /// <summary>The tables a migration script leaves behind, and which of them carry the tenant column.</summary>
    public sealed class MigrationSchemaResult
    {
        internal MigrationSchemaResult(
            IReadOnlyList<QualifiedName> tenantTables,
            IReadOnlyList<QualifiedName> allTables,
            IReadOnlyList<SqlProblem> problems)
        {
            TenantTables = tenantTables;
            AllTables = allTables;
            Problems = problems;
        }

        public IReadOnlyList<QualifiedName> TenantTables { get; }

        public IReadOnlyList<QualifiedName> AllTables { get; }

        public IReadOnlyList<SqlProblem> Problems { get; }
    }
}
