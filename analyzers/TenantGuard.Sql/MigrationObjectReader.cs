using System;
using System.Collections.Generic;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>An object a migration creates (table, view, function, policy, role…) or a grant on a table.</summary>
    public sealed class MigrationObject
    {
        public MigrationObject(string kind, QualifiedName name, int line, IReadOnlyList<string> privileges)
        {
            Kind = kind;
            Name = name;
            Line = line;
            Privileges = privileges;
        }

        /// <summary>"table", "view", "materialized view", "function", "procedure", "policy", "role" or "grant".</summary>
        public string Kind { get; }

        /// <summary>The object's name as PostgreSQL resolves it; for a grant, the table granted on.</summary>
        public QualifiedName Name { get; }

        /// <summary>1-based line of the statement.</summary>
        public int Line { get; }

        /// <summary>For a grant: the privileges in lower case ("select", "truncate", "all"); empty otherwise.</summary>
        public IReadOnlyList<string> Privileges { get; }

        public override string ToString() => Kind + " " + Name + " (line " + Line + ")";
    }

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
