using System.Collections.Generic;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>Where a missing tenant predicate for a source would be added.</summary>
    internal enum PredicatePlacement
    {
        /// <summary>The block's WHERE clause (a FROM item, the UPDATE / DELETE target).</summary>
        Where,

        /// <summary>The ON condition of the join that brought the source in.</summary>
        JoinOn,

        /// <summary>No edit is safe (e.g. the nullable side of a RIGHT or FULL join, WHERE CURRENT OF).</summary>
        None,
    }

    /// <summary>One FROM item of a query block (a table, CTE, subquery or function), as column references see it.</summary>
    internal sealed class Source
    {
        public Source(Scope scope, string exposedName, NamedTableReference? table, bool isTenant)
        {
            Scope = scope;
            ExposedName = exposedName;
            Table = table;
            IsTenant = isTenant;
        }

        public Scope Scope { get; }

        /// <summary>The alias, or the table name when there is none.</summary>
        public string ExposedName { get; }

        /// <summary>The table reference, or null for a CTE, subquery or function.</summary>
        public NamedTableReference? Table { get; }

        public bool IsTenant { get; }

        public bool Constrained { get; set; }

        public PredicatePlacement Placement { get; set; }

        public JoinTableReference? Join { get; set; }
    }

    /// <summary>The sources of one query block, chained to the enclosing block for correlated references.</summary>
    internal sealed class Scope
    {
        public Scope(Scope? parent) => Parent = parent;

        public Scope? Parent { get; }

        public List<Source> Sources { get; } = new List<Source>(4);

        /// <summary>Top-level AND conjuncts of the block's WHERE and of every join ON.</summary>
        public List<SqlExpression> Conjuncts { get; } = new List<SqlExpression>(4);

        /// <summary>Tenant-column equalities a join implies: JOIN … USING (tenant_col) and NATURAL JOIN.</summary>
        public List<(Source, Source)> ImpliedEqualities { get; } = new List<(Source, Source)>();
    }

    /// <summary>CTE names in effect (they shadow tables of the same name), as an immutable chain.</summary>
    internal sealed class CteNames
    {
        public CteNames(string name, CteNames? next)
        {
            Name = name;
            Next = next;
        }

        public string Name { get; }

        public CteNames? Next { get; }

        public static bool Contains(CteNames? names, string name)
        {
            for (var current = names; current != null; current = current.Next)
            {
                if (string.Equals(current.Name, name, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
