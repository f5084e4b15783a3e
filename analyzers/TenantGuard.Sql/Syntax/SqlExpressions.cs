using System.Collections.Generic;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>An expression. Each node lists its direct child expressions and the queries nested directly in it.</summary>
    internal abstract class SqlExpression : SqlNode
    {
        public virtual void AddChildren(List<SqlExpression> children)
        {
        }

        /// <summary>A query nested directly in this node (subquery, EXISTS, IN (SELECT …), ARRAY(SELECT …)).</summary>
        public virtual QueryExpression? NestedQuery => null;
    }

    /// <summary>col, t.col, schema.t.col, t.* or *.</summary>
    internal sealed class ColumnReference : SqlExpression
    {
        public ColumnReference(string[] parts) => Parts = parts;

        public string[] Parts { get; }

        public string Column => Parts[Parts.Length - 1];

        public bool IsQualified => Parts.Length > 1;

        /// <summary>The table part of a qualified reference ("t" of t.col, "t" of s.t.col).</summary>
        public string? Table => Parts.Length > 1 ? Parts[Parts.Length - 2] : null;

        public string? Schema => Parts.Length > 2 ? Parts[Parts.Length - 3] : null;
    }

    /// <summary>$1, @name, :name or an interpolation hole.</summary>
    internal sealed class PlaceholderExpression : SqlExpression
    {
        public PlaceholderExpression(string text) => Text = text;

        public string Text { get; }
    }

    internal enum LiteralKind
    {
        String,
        Number,
        Boolean,
        Null,
        Default,
        Other,
    }

    internal sealed class LiteralExpression : SqlExpression
    {
        public LiteralExpression(LiteralKind kind, string value, SqlTokenKind tokenKind)
        {
            Kind = kind;
            Value = value;
            TokenKind = tokenKind;
        }

        public LiteralKind Kind { get; }

        /// <summary>Unescaped string content, number text, "true"/"false", "null".</summary>
        public string Value { get; }

        public SqlTokenKind TokenKind { get; }
    }

    /// <summary>( expr ): kept so that edits can tell a parenthesised OR from a top-level one.</summary>
    internal sealed class ParenthesizedExpression : SqlExpression
    {
        public ParenthesizedExpression(SqlExpression inner) => Inner = inner;

        public SqlExpression Inner { get; }

        public override void AddChildren(List<SqlExpression> children) => children.Add(Inner);
    }

    /// <summary>Infix operators, including AND / OR / LIKE / comparisons; Operator is lower case ("and", "=", "not like").</summary>
    internal sealed class BinaryExpression : SqlExpression
    {
        public BinaryExpression(string op, SqlExpression left, SqlExpression right)
        {
            Operator = op;
            Left = left;
            Right = right;
        }

        public string Operator { get; }

        public SqlExpression Left { get; }

        public SqlExpression Right { get; }

        public override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Left);
            children.Add(Right);
        }
    }

    /// <summary>NOT x, -x, +x, ~x and other prefix operators.</summary>
    internal sealed class UnaryExpression : SqlExpression
    {
        public UnaryExpression(string op, SqlExpression operand)
        {
            Operator = op;
            Operand = operand;
        }

        public string Operator { get; }

        public SqlExpression Operand { get; }

        public override void AddChildren(List<SqlExpression> children) => children.Add(Operand);
    }

    /// <summary>x IS [NOT] NULL / TRUE / FALSE / UNKNOWN / DISTINCT FROM y (also ISNULL, NOTNULL).</summary>
    internal sealed class IsExpression : SqlExpression
    {
        public IsExpression(SqlExpression operand, bool negated, string test, SqlExpression? right)
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

        public override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            if (Right != null)
            {
                children.Add(Right);
            }
        }
    }

    /// <summary>x [NOT] IN (a, b) or x [NOT] IN (SELECT …).</summary>
    internal sealed class InExpression : SqlExpression
    {
        public InExpression(SqlExpression operand, bool negated, List<SqlExpression>? values, QueryExpression? subquery)
        {
            Operand = operand;
            Negated = negated;
            Values = values;
            Subquery = subquery;
        }

        public SqlExpression Operand { get; }

        public bool Negated { get; }

        public List<SqlExpression>? Values { get; }

        public QueryExpression? Subquery { get; }

        public override QueryExpression? NestedQuery => Subquery;

        public override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            if (Values != null)
            {
                children.AddRange(Values);
            }
        }
    }

    /// <summary>x [NOT] BETWEEN [SYMMETRIC] low AND high.</summary>
    internal sealed class BetweenExpression : SqlExpression
    {
        public BetweenExpression(SqlExpression operand, bool negated, SqlExpression low, SqlExpression high)
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

        public override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            children.Add(Low);
            children.Add(High);
        }
    }

    /// <summary>ANY / SOME / ALL ( array expression | subquery ), the right side of a comparison.</summary>
    internal sealed class QuantifiedExpression : SqlExpression
    {
        public QuantifiedExpression(string quantifier, SqlExpression? argument, QueryExpression? subquery)
        {
            Quantifier = quantifier;
            Argument = argument;
            Subquery = subquery;
        }

        public string Quantifier { get; }

        public SqlExpression? Argument { get; }

        public QueryExpression? Subquery { get; }

        public override QueryExpression? NestedQuery => Subquery;

        public override void AddChildren(List<SqlExpression> children)
        {
            if (Argument != null)
            {
                children.Add(Argument);
            }
        }
    }

    /// <summary>EXISTS (SELECT …).</summary>
    internal sealed class ExistsExpression : SqlExpression
    {
        public ExistsExpression(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public override QueryExpression? NestedQuery => Query;
    }

    /// <summary>A scalar (SELECT …), or ARRAY(SELECT …).</summary>
    internal sealed class SubqueryExpression : SqlExpression
    {
        public SubqueryExpression(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public override QueryExpression? NestedQuery => Query;
    }

    /// <summary>name(args) with optional FILTER (WHERE …), WITHIN GROUP / ORDER BY inside, and OVER (…).</summary>
    internal sealed class FunctionCallExpression : SqlExpression
    {
        public FunctionCallExpression(string name, List<SqlExpression> arguments)
        {
            Name = name;
            Arguments = arguments;
        }

        /// <summary>Lower-case name without schema ("set_config" for pg_catalog.set_config).</summary>
        public string Name { get; }

        public string? Schema { get; set; }

        public List<SqlExpression> Arguments { get; }

        /// <summary>ORDER BY inside the call, WITHIN GROUP, FILTER and OVER expressions: searched for subqueries only.</summary>
        public List<SqlExpression> Extras { get; } = new List<SqlExpression>();

        public override void AddChildren(List<SqlExpression> children)
        {
            children.AddRange(Arguments);
            children.AddRange(Extras);
        }
    }

    /// <summary>x::type or CAST(x AS type), and typed literals such as interval '1 day'.</summary>
    internal sealed class CastExpression : SqlExpression
    {
        public CastExpression(SqlExpression operand, string typeName)
        {
            Operand = operand;
            TypeName = typeName;
        }

        public SqlExpression Operand { get; }

        public string TypeName { get; }

        public override void AddChildren(List<SqlExpression> children) => children.Add(Operand);
    }

    /// <summary>CASE [operand] WHEN … THEN … [ELSE …] END; all parts flattened.</summary>
    internal sealed class CaseExpression : SqlExpression
    {
        public List<SqlExpression> Parts { get; } = new List<SqlExpression>();

        public override void AddChildren(List<SqlExpression> children) => children.AddRange(Parts);
    }

    /// <summary>x[i] or x[lo:hi].</summary>
    internal sealed class SubscriptExpression : SqlExpression
    {
        public SubscriptExpression(SqlExpression operand) => Operand = operand;

        public SqlExpression Operand { get; }

        public List<SqlExpression> Indexes { get; } = new List<SqlExpression>();

        public override void AddChildren(List<SqlExpression> children)
        {
            children.Add(Operand);
            children.AddRange(Indexes);
        }
    }

    /// <summary>(a, b), ROW(a, b), ARRAY[a, b].</summary>
    internal sealed class RowExpression : SqlExpression
    {
        public RowExpression(string constructor) => Constructor = constructor;

        /// <summary>"row", "array" or "" for a bare parenthesised list.</summary>
        public string Constructor { get; }

        public List<SqlExpression> Items { get; } = new List<SqlExpression>();

        public override void AddChildren(List<SqlExpression> children) => children.AddRange(Items);
    }

    /// <summary>
    /// Syntax the reader does not model, skipped as balanced tokens. Subqueries and expressions found inside are kept
    /// so that tables they name are still checked.
    /// </summary>
    internal sealed class OpaqueExpression : SqlExpression
    {
        public List<SqlExpression> Parts { get; } = new List<SqlExpression>();

        public override void AddChildren(List<SqlExpression> children) => children.AddRange(Parts);
    }
}
