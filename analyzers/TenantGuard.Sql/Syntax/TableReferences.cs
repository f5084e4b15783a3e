using System.Collections.Generic;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>An item of a FROM / USING list, or a join of two.</summary>
    internal abstract class TableReference : SqlNode
    {
        public string? Alias { get; set; }
    }

    /// <summary>[ONLY] schema.table [*] [[AS] alias [(cols)]].</summary>
    internal sealed class NamedTableReference : TableReference
    {
        public NamedTableReference(QualifiedName name, int nameStart, int nameEnd)
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
    internal sealed class SubqueryTableReference : TableReference
    {
        public SubqueryTableReference(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public bool Lateral { get; set; }
    }

    /// <summary>[LATERAL] f(args) [WITH ORDINALITY] [AS] alias, or ROWS FROM (…).</summary>
    internal sealed class FunctionTableReference : TableReference
    {
        public List<SqlExpression> Calls { get; } = new List<SqlExpression>();
    }

    /// <summary>left [NATURAL] {INNER | LEFT | RIGHT | FULL | CROSS} JOIN right [ON cond | USING (cols)].</summary>
    internal sealed class JoinTableReference : TableReference
    {
        public JoinTableReference(string kind, TableReference left, TableReference right)
        {
            Kind = kind;
            Left = left;
            Right = right;
        }

        /// <summary>"inner", "left", "right", "full" or "cross".</summary>
        public string Kind { get; }

        public bool Natural { get; set; }

        public TableReference Left { get; }

        public TableReference Right { get; }

        public SqlExpression? On { get; set; }

        public List<string>? Using { get; set; }
    }
}
