using System.Collections.Generic;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>The sources of a block: FROM items and join sides, CTE shadowing, and what lies inside FROM items.</summary>
    internal sealed partial class TenantFactsCollector
    {
        /// <summary>Adds the sources of a FROM item; a join's right side gets its ON as the place for a predicate.</summary>
        private void AddSources(Scope scope, TableReference reference, PredicatePlacement placement, CteNames? ctes)
        {
            switch (reference)
            {
                case JoinTableReference join:
                    var leftPlacement = join.Kind == "right" || join.Kind == "full" ? PredicatePlacement.None : placement;
                    var leftStart = scope.Sources.Count;
                    AddSources(scope, join.Left, leftPlacement, ctes);
                    var before = scope.Sources.Count;
                    PredicatePlacement rightPlacement;
                    if (join.On != null)
                    {
                        rightPlacement = PredicatePlacement.JoinOn;
                    }
                    else if (join.Kind == "inner" || join.Kind == "cross")
                    {
                        rightPlacement = placement;
                    }
                    else
                    {
                        rightPlacement = PredicatePlacement.None;
                    }

                    var middle = scope.Sources.Count;
                    AddSources(scope, join.Right, rightPlacement, ctes);
                    if (join.Natural || (join.Using != null && join.Using.Contains(_tenantColumn)))
                    {
                        AddImpliedEquality(scope, leftStart, middle);
                    }

                    if (rightPlacement == PredicatePlacement.JoinOn)
                    {
                        for (var i = before; i < scope.Sources.Count; i++)
                        {
                            if (scope.Sources[i].Placement == PredicatePlacement.JoinOn && scope.Sources[i].Join == null)
                            {
                                scope.Sources[i].Join = join;
                            }
                        }
                    }

                    TenantPredicates.CollectConjuncts(join.On, scope.Conjuncts);
                    break;
                case NamedTableReference table:
                    AddSource(scope, table, placement, null, ctes);
                    break;
                default:
                    var source = new Source(scope, reference.Alias ?? string.Empty, null, isTenant: false) { Placement = placement };
                    scope.Sources.Add(source);
                    break;
            }
        }

        /// <summary>
        /// USING (tenant_col) or NATURAL between two tenant tables equates their tenant columns; with several tenant
        /// tables on one side PostgreSQL itself rejects the ambiguity, so only a single pair is linked.
        /// </summary>
        private static void AddImpliedEquality(Scope scope, int leftStart, int rightStart)
        {
            var left = SingleTenantSource(scope, leftStart, rightStart);
            var right = SingleTenantSource(scope, rightStart, scope.Sources.Count);
            if (left != null && right != null)
            {
                scope.ImpliedEqualities.Add((left, right));
            }
        }

        private static Source? SingleTenantSource(Scope scope, int start, int end)
        {
            Source? found = null;
            for (var i = start; i < end; i++)
            {
                if (scope.Sources[i].IsTenant)
                {
                    if (found != null)
                    {
                        return null;
                    }

                    found = scope.Sources[i];
                }
            }

            return found;
        }

        private void AddSource(Scope scope, NamedTableReference table, PredicatePlacement placement, JoinTableReference? join, CteNames? ctes)
        {
            var isTenant = IsTenantTable(table, ctes);
            if (isTenant)
            {
                NoteTenantTable(table.Name);
            }

            scope.Sources.Add(new Source(scope, table.Alias ?? table.Name.Name, table, isTenant) { Placement = placement, Join = join });
        }

        private bool IsTenantTable(NamedTableReference table, CteNames? ctes) =>
            !(table.Name.Schema == null && CteNames.Contains(ctes, table.Name.Name)) && _schema.IsTenantTable(table.Name);

        private void NoteTenantTable(QualifiedName name)
        {
            if (_seenTenantTables.Add(name))
            {
                _tenantTables.Add(name);
            }
        }

        /// <summary>Subqueries, functions and join conditions inside FROM items.</summary>
        private void VisitFromChildren(IReadOnlyList<TableReference> from, Scope scope, Scope? parent, CteNames? ctes)
        {
            foreach (var item in from)
            {
                VisitFromChild(item, scope, parent, ctes);
            }
        }

        private void VisitFromChild(TableReference reference, Scope scope, Scope? parent, CteNames? ctes)
        {
            switch (reference)
            {
                case JoinTableReference join:
                    VisitFromChild(join.Left, scope, parent, ctes);
                    VisitFromChild(join.Right, scope, parent, ctes);
                    VisitExpressions(join.On, scope, ctes);
                    break;
                case SubqueryTableReference subquery:
                    VisitQuery(subquery.Query, subquery.Lateral ? scope : parent, ctes);
                    break;
                case FunctionTableReference function:
                    foreach (var call in function.Calls)
                    {
                        VisitExpressions(call, scope, ctes);
                    }

                    break;
            }
        }
    }
}
