using System.Collections.Generic;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>Anything that yields rows: a SELECT block, VALUES, TABLE x, or a set operation of those.</summary>
    public abstract class QueryExpression : SqlNode
    {
        internal QueryExpression()
        {
        }

        public WithClause? With { get; internal set; }

        /// <summary>ORDER BY / LIMIT / OFFSET / FETCH expressions of the whole query, searched for subqueries.</summary>
        public IReadOnlyList<SqlExpression> Trailing => TrailingList;

        internal List<SqlExpression> TrailingList { get; } = new List<SqlExpression>();
    }

    /// <summary>
    /// One SELECT query block: the unit a tenant filter must appear in (WHERE or a join ON of the same block).
    /// </summary>
    public sealed class SelectQuery : QueryExpression
    {
        internal SelectQuery()
        {
        }

        public bool Distinct { get; internal set; }

        /// <summary>The select-list expressions, without their aliases.</summary>
        public IReadOnlyList<SqlExpression> SelectList => SelectItemList;

        public IReadOnlyList<TableReference> From => FromList;

        public SqlExpression? Where { get; internal set; }

        /// <summary>GROUP BY, HAVING, WINDOW, DISTINCT ON and locking-clause expressions.</summary>
        public IReadOnlyList<SqlExpression> OtherClauses => OtherClauseList;

        /// <summary>Offset just after the FROM clause (or the select list): where a new WHERE clause belongs.</summary>
        internal int WhereInsertOffset { get; set; } = -1;

        internal List<SqlExpression> SelectItemList { get; } = new List<SqlExpression>();

        internal List<TableReference> FromList { get; } = new List<TableReference>();

        internal List<SqlExpression> OtherClauseList { get; } = new List<SqlExpression>();
    }

    /// <summary>TABLE name: shorthand for SELECT * FROM name.</summary>
    public sealed class TableQuery : QueryExpression
    {
        internal TableQuery(NamedTableReference table) => Table = table;

        public NamedTableReference Table { get; }
    }

    public sealed class ValuesQuery : QueryExpression
    {
        internal ValuesQuery()
        {
        }

        public IReadOnlyList<RowExpression> Rows => RowList;

        internal List<RowExpression> RowList { get; } = new List<RowExpression>();
    }

    /// <summary>left UNION / INTERSECT / EXCEPT [ALL | DISTINCT] right.</summary>
    public sealed class SetOperationQuery : QueryExpression
    {
        internal SetOperationQuery(string op, bool all, QueryExpression left, QueryExpression right)
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

    public sealed class WithClause : SqlNode
    {
        internal WithClause()
        {
        }

        public bool Recursive { get; internal set; }

        public IReadOnlyList<CommonTableExpression> Tables => TableList;

        internal List<CommonTableExpression> TableList { get; } = new List<CommonTableExpression>();
    }

    /// <summary>name [(cols)] AS [[NOT] MATERIALIZED] (statement): the body may be a data-modifying statement.</summary>
    public sealed class CommonTableExpression : SqlNode
    {
        internal CommonTableExpression(string name, SqlStatement body)
        {
            Name = name;
            Body = body;
        }

        public string Name { get; }

        /// <summary>The query of a SELECT body; null when the body is an INSERT, UPDATE or DELETE.</summary>
        public QueryExpression? Query => (Body as SelectStatement)?.Query;

        internal SqlStatement Body { get; }
    }
}
