using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>An expression. Each node lists its direct child expressions and the queries nested directly in it.</summary>
    public abstract class SqlExpression : SqlNode
    {
        internal SqlExpression()
        {
        }

        /// <summary>The direct child expressions, in source order (not those inside <see cref="NestedQuery"/>).</summary>
        public IReadOnlyList<SqlExpression> Children
        {
            get
            {
                var children = new List<SqlExpression>();
                AddChildren(children);
                return children;
            }
        }

        /// <summary>A query nested directly in this node (subquery, EXISTS, IN (SELECT …), ARRAY(SELECT …)).</summary>
        public virtual QueryExpression? NestedQuery => null;

        internal virtual void AddChildren(List<SqlExpression> children)
        {
        }
    }

    /// <summary>col, t.col, schema.t.col, t.* or *.</summary>
    public sealed class ColumnReference : SqlExpression
    {
        internal ColumnReference(string[] parts) => Parts = parts;

        /// <summary>The dotted name parts, folded as the server folds them ("*" for a star).</summary>
        public IReadOnlyList<string> Parts { get; }

        public string Column => Parts[Parts.Count - 1];

        public bool IsQualified => Parts.Count > 1;

        /// <summary>The table part of a qualified reference ("t" of t.col, "t" of s.t.col).</summary>
        public string? Table => Parts.Count > 1 ? Parts[Parts.Count - 2] : null;

        public string? Schema => Parts.Count > 2 ? Parts[Parts.Count - 3] : null;
    }

    /// <summary>$1, @name, :name or an interpolation hole.</summary>
    public sealed class PlaceholderExpression : SqlExpression
    {
        internal PlaceholderExpression(string text) => Text = text;

        public string Text { get; }
    }

    public enum LiteralKind
    {
        String,
        Number,
        Boolean,
        Null,
        Default,
        Other,
    }

    public sealed class LiteralExpression : SqlExpression
    {
        internal LiteralExpression(LiteralKind kind, string value, SqlTokenKind tokenKind)
        {
            Kind = kind;
            Value = value;
            TokenKind = tokenKind;
        }

        public LiteralKind Kind { get; }

        /// <summary>Unescaped string content, number text, "true"/"false", "null".</summary>
        public string Value { get; }

        internal SqlTokenKind TokenKind { get; }
    }

    /// <summary>( expr ): kept so that edits can tell a parenthesised OR from a top-level one.</summary>
    public sealed class ParenthesizedExpression : SqlExpression
    {
        internal ParenthesizedExpression(SqlExpression inner) => Inner = inner;

        public SqlExpression Inner { get; }

        internal override void AddChildren(List<SqlExpression> children) => children.Add(Inner);
    }

    /// <summary>Infix operators, including AND / OR / LIKE / comparisons; Operator is lower case ("and", "=", "not like").</summary>
    public sealed class BinaryExpression : SqlExpression
    {
        internal BinaryExpression(string op, SqlExpression left, SqlExpression right)
        {
            Operator = op;
            Left = left;
            Right = right;
        }

        public string Operator { get; }

        public SqlExpression Left { get; }

        public SqlExpression Right { get; }

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Left);
            children.Add(Right);
        }
    }

    /// <summary>NOT x, -x, +x, ~x and other prefix operators.</summary>
    public sealed class UnaryExpression : SqlExpression
    {
        internal UnaryExpression(string op, SqlExpression operand)
        {
            Operator = op;
            Operand = operand;
        }

        public string Operator { get; }

        public SqlExpression Operand { get; }

        internal override void AddChildren(List<SqlExpression> children) => children.Add(Operand);
    }

    /// <summary>x IS [NOT] NULL / TRUE / FALSE / UNKNOWN / DISTINCT FROM y (also ISNULL, NOTNULL).</summary>
    public sealed class IsExpression : SqlExpression
    {
        internal IsExpression(SqlExpression operand, bool negated, string test, SqlExpression? right)
        {
            Operand = operand;
            Negated = negated;
            Test = test;
            Right = right;
        }

        public SqlExpression Operand { get; }

        public bool Negated { get; }

        public string Test { get; }

        public SqlExpression? Right { get; }

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            if (Right != null)
            {
                children.Add(Right);
            }
        }
    }

    /// <summary>x [NOT] IN (a, b) or x [NOT] IN (SELECT …).</summary>
    public sealed class InExpression : SqlExpression
    {
        internal InExpression(SqlExpression operand, bool negated, List<SqlExpression>? values, QueryExpression? subquery)
        {
            Operand = operand;
            Negated = negated;
            Values = values;
            Subquery = subquery;
        }

        public SqlExpression Operand { get; }

        public bool Negated { get; }

        public IReadOnlyList<SqlExpression>? Values { get; }

        public QueryExpression? Subquery { get; }

        public override QueryExpression? NestedQuery => Subquery;

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            if (Values != null)
            {
                children.AddRange(Values);
            }
        }
    }

    /// <summary>x [NOT] BETWEEN [SYMMETRIC] low AND high.</summary>
    public sealed class BetweenExpression : SqlExpression
    {
        internal BetweenExpression(SqlExpression operand, bool negated, SqlExpression low, SqlExpression high)
        {
            Operand = operand;
            Negated = negated;
            Low = low;
            High = high;
        }

        public SqlExpression Operand { get; }

        public bool Negated { get; }

        public SqlExpression Low { get; }

        public SqlExpression High { get; }

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            children.Add(Low);
            children.Add(High);
        }
    }

    /// <summary>ANY / SOME / ALL ( array expression | subquery ), the right side of a comparison.</summary>
    public sealed class QuantifiedExpression : SqlExpression
    {
        internal QuantifiedExpression(string quantifier, SqlExpression? argument, QueryExpression? subquery)
        {
            Quantifier = quantifier;
            Argument = argument;
            Subquery = subquery;
        }

        public string Quantifier { get; }

        public SqlExpression? Argument { get; }

        public QueryExpression? Subquery { get; }

        public override QueryExpression? NestedQuery => Subquery;

        internal override void AddChildren(List<SqlExpression> children)
        {
            if (Argument != null)
            {
                children.Add(Argument);
            }
        }
    }

    /// <summary>EXISTS (SELECT …).</summary>
    public sealed class ExistsExpression : SqlExpression
    {
        internal ExistsExpression(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public override QueryExpression? NestedQuery => Query;
    }

    /// <summary>A scalar (SELECT …), or ARRAY(SELECT …).</summary>
    public sealed class SubqueryExpression : SqlExpression
    {
        internal SubqueryExpression(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public override QueryExpression? NestedQuery => Query;
    }

    /// <summary>name(args) with optional FILTER (WHERE …), WITHIN GROUP / ORDER BY inside, and OVER (…).</summary>
    public sealed class FunctionCallExpression : SqlExpression
    {
        internal FunctionCallExpression(string name, List<SqlExpression> arguments)
        {
            Name = name;
            ArgumentList = arguments;
        }

        /// <summary>Lower-case name without schema ("set_config" for pg_catalog.set_config).</summary>
        public string Name { get; }

        /// <summary>Lower-case schema when the call names one ("auth" of auth.uid()).</summary>
        public string? Schema { get; internal set; }

        public IReadOnlyList<SqlExpression> Arguments => ArgumentList;

        /// <summary>ORDER BY inside the call, WITHIN GROUP, FILTER and OVER expressions: searched for subqueries only.</summary>
        public IReadOnlyList<SqlExpression> Extras => ExtraList;

        internal List<SqlExpression> ArgumentList { get; }

        internal List<SqlExpression> ExtraList { get; } = new List<SqlExpression>();

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.AddRange(ArgumentList);
            children.AddRange(ExtraList);
        }
    }

    /// <summary>x::type or CAST(x AS type), and typed literals such as interval '1 day'.</summary>
    public sealed class CastExpression : SqlExpression
    {
        internal CastExpression(SqlExpression operand, string typeName)
        {
            Operand = operand;
            TypeName = typeName;
        }

        public SqlExpression Operand { get; }

        public string TypeName { get; }

        internal override void AddChildren(List<SqlExpression> children) => children.Add(Operand);
    }

    /// <summary>CASE [operand] WHEN … THEN … [ELSE …] END; all parts flattened.</summary>
    public sealed class CaseExpression : SqlExpression
    {
        internal CaseExpression()
        {
        }

        public IReadOnlyList<SqlExpression> Parts => PartList;

        internal List<SqlExpression> PartList { get; } = new List<SqlExpression>();

        internal override void AddChildren(List<SqlExpression> children) => children.AddRange(PartList);
    }

    /// <summary>x[i] or x[lo:hi].</summary>
    public sealed class SubscriptExpression : SqlExpression
    {
        internal SubscriptExpression(SqlExpression operand) => Operand = operand;

        public SqlExpression Operand { get; }

        public IReadOnlyList<SqlExpression> Indexes => IndexList;

        internal List<SqlExpression> IndexList { get; } = new List<SqlExpression>();

        internal override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            children.AddRange(IndexList);
        }
    }

    /// <summary>(a, b), ROW(a, b), ARRAY[a, b].</summary>
    public sealed class RowExpression : SqlExpression
    {
        internal RowExpression(string constructor) => Constructor = constructor;

        /// <summary>"row", "array" or "" for a bare parenthesised list.</summary>
        public string Constructor { get; }

        public IReadOnlyList<SqlExpression> Items => ItemList;

        internal List<SqlExpression> ItemList { get; } = new List<SqlExpression>();

        internal override void AddChildren(List<SqlExpression> children) => children.AddRange(ItemList);
    }

    /// <summary>
    /// Syntax the reader does not model, skipped as balanced tokens. Subqueries and expressions found inside are kept
    /// so that tables they name are still checked.
    /// </summary>
    public sealed class OpaqueExpression : SqlExpression
    {
        internal OpaqueExpression()
        {
        }

        public IReadOnlyList<SqlExpression> Parts => PartList;

        internal List<SqlExpression> PartList { get; } = new List<SqlExpression>();

        internal override void AddChildren(List<SqlExpression> children) => children.AddRange(PartList);
    }
}
