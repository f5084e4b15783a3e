using System;
using System.Collections.Generic;

namespace TenantGuard.Sql
{
    /// <summary>Which tables carry the tenant column, and which are shared by every tenant.</summary>
    public sealed class TenantSchema
    {
        private readonly HashSet<QualifiedName> _tenantTables;
        private readonly HashSet<string> _tenantTableNames;
        private readonly HashSet<QualifiedName> _globalTables;
        private readonly HashSet<string> _unqualifiedGlobalNames;
        private readonly HashSet<string> _globalNames;

        public TenantSchema(
            string tenantColumn,
            IEnumerable<QualifiedName> tenantTables,
            IEnumerable<QualifiedName> globalTables,
            bool assumeAllTablesTenantOwned = false)
        {
            if (string.IsNullOrWhiteSpace(tenantColumn))
            {
                throw new ArgumentException("The tenant column name must not be empty.", nameof(tenantColumn));
            }

            TenantColumn = QualifiedNameParser.FoldIdentifier(tenantColumn);
            AssumeAllTablesTenantOwned = assumeAllTablesTenantOwned;
            _tenantTables = new HashSet<QualifiedName>(tenantTables ?? Array.Empty<QualifiedName>());
            _tenantTableNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in _tenantTables)
            {
                _tenantTableNames.Add(table.Name);
            }

            _globalTables = new HashSet<QualifiedName>(globalTables ?? Array.Empty<QualifiedName>());
            _unqualifiedGlobalNames = new HashSet<string>(StringComparer.Ordinal);
            _globalNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in _globalTables)
            {
                _globalNames.Add(table.Name);
                if (table.Schema == null)
                {
                    _unqualifiedGlobalNames.Add(table.Name);
                }
            }
        }

        public string TenantColumn { get; }

        public bool AssumeAllTablesTenantOwned { get; }

        public IReadOnlyCollection<QualifiedName> TenantTables => _tenantTables;

        /// <summary>
        /// Global tables never are; assumed without a schema, every table but PostgreSQL's and libraries' own
        /// (<see cref="LibraryTables"/>) is; a schema-qualified reference matches exactly (or an unqualified declaration of the
        /// same name); an unqualified reference matches a tenant table of that name in any schema.
        /// </summary>
        public bool IsTenantTable(QualifiedName table)
        {
            if (IsGlobal(table))
            {
                return false;
            }

            if (AssumeAllTablesTenantOwned)
            {
                return !LibraryTables.Contains(table);
            }

            if (table.Schema == null)
            {
                return _tenantTableNames.Contains(table.Name);
            }

            return _tenantTables.Contains(table) || _tenantTables.Contains(new QualifiedName(null, table.Name));
        }

        /// <summary>
        /// Exact match, or a global declared without schema; an unqualified reference is global when a table of that
        /// name is declared global in any schema.
        /// </summary>
        private bool IsGlobal(QualifiedName table) =>
            _globalTables.Contains(table) || _unqualifiedGlobalNames.Contains(table.Name) ||
            (table.Schema == null && _globalNames.Contains(table.Name));
    }
}
