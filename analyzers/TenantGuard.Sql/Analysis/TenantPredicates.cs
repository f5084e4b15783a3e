using System;
using System.Collections.Generic;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// Decides which sources of a block are constrained to one tenant: `[alias.]tenant_col = value` (either side) or
    /// `tenant_col IN (value)` in a top-level AND conjunct, and equalities of tenant columns, transitively.
    /// </summary>
    internal static class TenantPredicates
    {
        /// <summary>Top-level AND conjuncts, left to right, looking through parentheses (iterative: AND chains can be long).</summary>
        public static void CollectConjuncts(SqlExpression? condition, List<SqlExpression> into)
        {
            if (condition == null)
            {
                return;
            }

            var pending = new Stack<SqlExpression>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                var current = Unwrap(pending.Pop());
                if (current is BinaryExpression binary && binary.Operator == "and")
                {
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                }
                else
                {
                    into.Add(current);
                }
            }
        }

        public static void ApplyConstraints(Scope scope, string tenantColumn)
        {
            List<(Source, Source)>? equalities = null;
            foreach (var conjunct in scope.Conjuncts)
            {
                if (conjunct is BinaryExpression binary && binary.Operator == "=")
                {
                    if (Unwrap(binary.Left) is RowExpression leftRow && Unwrap(binary.Right) is RowExpression rightRow &&
                        leftRow.Items.Count == rightRow.Items.Count)
                    {
                        // (o.tenant_id, o.id) = ($1, $2) is a conjunction of pairwise equalities.
                        for (var i = 0; i < leftRow.Items.Count; i++)
                        {
                            ApplyEquality(leftRow.Items[i], rightRow.Items[i], scope, tenantColumn, ref equalities);
                        }
                    }
                    else
                    {
                        ApplyEquality(binary.Left, binary.Right, scope, tenantColumn, ref equalities);
                    }
                }
                else if (conjunct is InExpression inList && !inList.Negated && inList.Values != null &&
                         inList.Values.Count == 1 && IsTenantValue(inList.Values[0]))
                {
                    var source = ResolveTenantColumn(inList.Operand, scope, tenantColumn);
                    if (source != null)
                    {
                        Constrain(source, scope);
                    }
                }
            }

            if (scope.ImpliedEqualities.Count > 0)
            {
                (equalities ??= new List<(Source, Source)>()).AddRange(scope.ImpliedEqualities);
            }

            if (equalities == null)
            {
                return;
            }

            // c.tenant_id = e.tenant_id carries a constraint either way; an outer source can only give, not receive.
            bool changed;
            do
            {
                changed = false;
                foreach (var (a, b) in equalities)
                {
                    changed |= Carry(a, b, scope) | Carry(b, a, scope);
                }
            }
            while (changed);
        }

        private static void ApplyEquality(
            SqlExpression leftSide, SqlExpression rightSide, Scope scope, string tenantColumn, ref List<(Source, Source)>? equalities)
        {
            var left = ResolveTenantColumn(leftSide, scope, tenantColumn);
            var right = ResolveTenantColumn(rightSide, scope, tenantColumn);
            if (left != null && IsTenantValue(rightSide))
            {
                Constrain(left, scope);
            }

            if (right != null && IsTenantValue(leftSide))
            {
                Constrain(right, scope);
            }

            if (left != null && right != null && !ReferenceEquals(left, right))
            {
                (equalities ??= new List<(Source, Source)>()).Add((left, right));
            }
        }

        private static bool Carry(Source from, Source to, Scope scope)
        {
            if (!from.Constrained || to.Constrained || !ReferenceEquals(to.Scope, scope))
            {
                return false;
            }

            to.Constrained = true;
            return true;
        }

        private static void Constrain(Source source, Scope scope)
        {
            // A filter on an outer table inside a subquery does not restrict the outer block's rows.
            if (ReferenceEquals(source.Scope, scope))
            {
                source.Constrained = true;
            }
        }

        /// <summary>The source owning a reference to the tenant column, or null when it is not one or is ambiguous.</summary>
        public static Source? ResolveTenantColumn(SqlExpression expression, Scope scope, string tenantColumn)
        {
            expression = Unwrap(expression);
            while (expression is CastExpression cast)
            {
                expression = Unwrap(cast.Operand);
            }

            if (!(expression is ColumnReference column) || !string.Equals(column.Column, tenantColumn, StringComparison.Ordinal))
            {
                return null;
            }

            if (column.IsQualified)
            {
                for (var current = scope; current != null; current = current.Parent)
                {
                    foreach (var source in current.Sources)
                    {
                        if (string.Equals(source.ExposedName, column.Table, StringComparison.Ordinal) &&
                            (column.Schema == null || source.Table == null || source.Table.Alias != null ||
                             string.Equals(source.Table.Name.Schema, column.Schema, StringComparison.Ordinal)))
                        {
                            return source;
                        }
                    }
                }

                return null;
            }

            // Unqualified: the innermost block with tenant tables owns it, if it has exactly one.
            for (var current = scope; current != null; current = current.Parent)
            {
                Source? candidate = null;
                var count = 0;
                foreach (var source in current.Sources)
                {
                    if (source.IsTenant)
                    {
                        candidate = source;
                        count++;
                    }
                }

                if (count == 1)
                {
                    return candidate;
                }

                if (count > 1)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>A placeholder, optionally cast, or current_setting('…') — a value naming one tenant.</summary>
        public static bool IsTenantValue(SqlExpression expression)
        {
            while (true)
            {
                expression = Unwrap(expression);
                switch (expression)
                {
                    case PlaceholderExpression _:
                        return true;
                    case CastExpression cast:
                        expression = cast.Operand;
                        continue;
                    case SubqueryExpression subquery when SingleValueWithoutFrom(subquery.Query) is SqlExpression value:
                        // (SELECT current_setting('app.tenant')::uuid), the form RLS guides recommend for speed.
                        expression = value;
                        continue;
                    case FunctionCallExpression call when call.Schema == null || call.Schema == "pg_catalog":
                        if (call.Name == "current_setting" && call.Arguments.Count >= 1 &&
                            Unwrap(call.Arguments[0]) is LiteralExpression literal && literal.Kind == LiteralKind.String)
                        {
                            return true;
                        }

                        // NULLIF(current_setting('app.tenant', true), '')::uuid, the usual RLS spelling.
                        if (call.Name == "nullif" && call.Arguments.Count == 2)
                        {
                            expression = call.Arguments[0];
                            continue;
                        }

                        return false;
                    default:
                        return false;
                }
            }
        }

        private static SqlExpression? SingleValueWithoutFrom(QueryExpression query) =>
            query is SelectQuery block && block.From.Count == 0 && block.Where == null && block.SelectList.Count == 1 && block.With == null
                ? block.SelectList[0]
                : null;

        public static SqlExpression Unwrap(SqlExpression expression)
        {
            while (expression is ParenthesizedExpression parenthesized)
            {
                expression = parenthesized.Inner;
            }

            return expression;
        }
    }
}
