using System.Collections.Generic;

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
}
