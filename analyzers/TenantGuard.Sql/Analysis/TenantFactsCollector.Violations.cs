using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>Turning unconstrained tenant references into violations, each with the place a fix would go.</summary>
    internal sealed partial class TenantFactsCollector
    {
        private void ReportUnconstrained(Scope scope, SqlExpression? where, int whereInsertOffset, bool whereCurrentOf)
        {
            foreach (var source in scope.Sources)
            {
                if (!source.IsTenant || source.Constrained || source.Table == null)
                {
                    continue;
                }

                var plan = CreatePlan(source, where, whereInsertOffset, whereCurrentOf);
                AddViolation(source.Table, ViolationKind.MissingTenantFilter, plan);
            }
        }

        private PredicateEditPlan CreatePlan(Source source, SqlExpression? where, int whereInsertOffset, bool whereCurrentOf)
        {
            var table = source.Table!;
            var qualifier = table.Alias ?? _text.Substring(table.NameStart, table.NameEnd - table.NameStart);
            switch (source.Placement)
            {
                case PredicatePlacement.JoinOn when source.Join?.On != null:
                    var on = source.Join.On;
                    return PredicateEditPlan.ForExistingWhere(qualifier, _tenantColumn, on.Start, on.End, IsTopLevelOr(on));
                case PredicatePlacement.Where when !whereCurrentOf:
                    if (where != null)
                    {
                        return PredicateEditPlan.ForExistingWhere(qualifier, _tenantColumn, where.Start, where.End, IsTopLevelOr(where));
                    }

                    return whereInsertOffset >= 0
                        ? PredicateEditPlan.ForNewWhere(qualifier, _tenantColumn, whereInsertOffset)
                        : PredicateEditPlan.None;
                default:
                    return PredicateEditPlan.None;
            }
        }

        private static bool IsTopLevelOr(SqlExpression condition) => condition is BinaryExpression binary && binary.Operator == "or";

        private void AddViolation(NamedTableReference table, ViolationKind kind, PredicateEditPlan plan)
        {
            var statement = _statement!;
            _violations.Add(new TenantFilterViolation(
                table.Name,
                table.Alias,
                kind,
                TopLevelKind(statement),
                CurrentStatementText,
                statement.Start,
                statement.End - statement.Start,
                plan));
        }

        private static string TopLevelKind(SqlStatement statement) =>
            statement is SelectStatement ? "SELECT" : statement.Kind;
    }
}
