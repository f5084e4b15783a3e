using System.Collections.Generic;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>Anything that yields rows: a SELECT block, VALUES, TABLE x, or a set operation of those.</summary>
    internal abstract class QueryExpression : SqlNode
    {
        public WithClause? With { get; set; }

        /// <summary>ORDER BY / LIMIT / OFFSET / FETCH expressions of the whole query, searched for subqueries.</summary>
        public List<SqlExpression> Trailing { get; } = new List<SqlExpression>();
    }

    /// <summary>
    /// One SELECT query block: the unit a tenant filter must appear in (WHERE or a join ON of the same block).
    /// </summary>
    internal sealed class SelectQuery : QueryExpression
    {
        public bool Distinct { get; set; }

        public List<SqlExpression> SelectList { get; } = new List<SqlExpression>();

        public List<TableReference> From { get; } = new List<TableReference>();

        public SqlExpression? Where { get; set; }

        /// <summary>Offset just after the FROM clause (or the select list): where a new WHERE clause belongs.</summary>
        public int WhereInsertOffset { get; set; } = -1;

        /// <summary>GROUP BY, HAVING, WINDOW, DISTINCT ON and locking-clause expressions.</summary>
        public List<SqlExpression> OtherClauses { get; } = new List<SqlExpression>();
    }

    /// <summary>TABLE name: shorthand for SELECT * FROM name.</summary>
    internal sealed class TableQuery : QueryExpression
    {
        public TableQuery(NamedTableReference table) => Table = table;

        public NamedTableReference Table { get; }
    }

    internal sealed class ValuesQuery : QueryExpression
    {
        public List<RowExpression> Rows { get; } = new List<RowExpression>();
    }

    /// <summary>left UNION / INTERSECT / EXCEPT [ALL | DISTINCT] right.</summary>
    internal sealed class SetOperationQuery : QueryExpression
    {
        public SetOperationQuery(string op, bool all, QueryExpression left, QueryExpression right)
        {
            Operator = op;
            All = all;
            Left = left;
            Right = right;
        }

        public string Operator { get; }

        public bool All { get; }

        public QueryExpression Left { get; }

        public QueryExpression Right { get; }
    }

    internal sealed class WithClause : SqlNode
    {
        public bool Recursive { get; set; }

        public List<CommonTableExpression> Tables { get; } = new List<CommonTableExpression>();
    }

    /// <summary>name [(cols)] AS [[NOT] MATERIALIZED] (statement): the body may be a data-modifying statement.</summary>
    internal sealed class CommonTableExpression : SqlNode
    {
        public CommonTableExpression(string name, SqlStatement body)
        {
            Name = name;
            Body = body;
        }

        public string Name { get; }

        public SqlStatement Body { get; }
    }
}
