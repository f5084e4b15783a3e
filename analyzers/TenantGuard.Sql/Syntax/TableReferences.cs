using System.Collections.Generic;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>An item of a FROM / USING list, or a join of two.</summary>
    public abstract class TableReference : SqlNode
    {
        internal TableReference()
        {
        }

        public string? Alias { get; internal set; }
    }

    /// <summary>[ONLY] schema.table [*] [[AS] alias [(cols)]].</summary>
    public sealed class NamedTableReference : TableReference
    {
        internal NamedTableReference(QualifiedName name, int nameStart, int nameEnd)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
        }

        public QualifiedName Name { get; }

        public int NameStart { get; }

        public int NameEnd { get; }
    }

    /// <summary>[LATERAL] (query) [AS] alias.</summary>
    public sealed class SubqueryTableReference : TableReference
    {
        internal SubqueryTableReference(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public bool Lateral { get; internal set; }
    }

    /// <summary>[LATERAL] f(args) [WITH ORDINALITY] [AS] alias, or ROWS FROM (…).</summary>
    public sealed class FunctionTableReference : TableReference
    {
        internal FunctionTableReference()
        {
        }

        public IReadOnlyList<SqlExpression> Calls => CallList;

        internal List<SqlExpression> CallList { get; } = new List<SqlExpression>();
    }

    /// <summary>left [NATURAL] {INNER | LEFT | RIGHT | FULL | CROSS} JOIN right [ON cond | USING (cols)].</summary>
    public sealed class JoinTableReference : TableReference
    {
        internal JoinTableReference(string kind, TableReference left, TableReference right)
        {
            Kind = kind;
            Left = left;
            Right = right;
        }

        /// <summary>"inner", "left", "right", "full" or "cross".</summary>
        public string Kind { get; }

        public bool Natural { get; internal set; }

        public TableReference Left { get; }

        public TableReference Right { get; }

        public SqlExpression? On { get; internal set; }

        public IReadOnlyList<string>? Using { get; internal set; }
    }
}
