using System.Collections.Generic;
using TenantGuard.Sql.Parsing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// Walks every statement of a checked SQL text: which tenant tables it names, which references are not constrained
    /// to one tenant (TG0002), which INSERTs omit the tenant column, and which settings leak across sessions (TG0004).
    /// </summary>
    internal sealed partial class TenantFactsCollector
    {
        private readonly string _text;
        private readonly TenantSchema _schema;
        private readonly string _tenantColumn;
        private readonly List<TenantFilterViolation> _violations = new List<TenantFilterViolation>();
        private readonly List<QualifiedName> _tenantTables = new List<QualifiedName>();
        private readonly HashSet<QualifiedName> _seenTenantTables = new HashSet<QualifiedName>();
        private readonly List<SessionScopedSetting> _settings = new List<SessionScopedSetting>();

        /// <summary>Work list shared by every expression walk; each walk leaves it as it found it.</summary>
        private readonly List<SqlExpression> _pending = new List<SqlExpression>(32);

        private List<Lexing.SqlToken>? _tokens;
        private SqlStatement? _statement;
        private string? _statementText;

        private TenantFactsCollector(string text, TenantSchema schema)
        {
            _text = text;
            _schema = schema;
            _tenantColumn = schema.TenantColumn;
        }

        public static SqlCheckResult Collect(string sql, TenantSchema schema, SqlCheckOptions options)
        {
            var document = SqlDocument.Parse(sql, options.InterpolationHoles);
            var collector = new TenantFactsCollector(sql, schema) { _tokens = document.Tokens };
            var fullyParsed = document.Problems.Count == 0;
            foreach (var statement in document.Statements)
            {
                fullyParsed &= collector.VisitTopLevel(statement);
            }

            return new SqlCheckResult(fullyParsed, collector._violations, collector._tenantTables, collector._settings);
        }

        private string CurrentStatementText =>
            _statementText ??= StatementText.Collapse(_text, _statement!.Start, _statement.End);

        private bool VisitTopLevel(SqlStatement statement)
        {
            _statement = statement;
            _statementText = null;
            switch (statement)
            {
                case UnparsedStatement _:
                case OtherStatement other when other.Kind == "MERGE" || other.Kind == "TRUNCATE" || other.Kind == "COPY":
                    foreach (var name in TableNameScanner.Scan(_tokens!, statement.Start, statement.End))
                    {
                        if (_schema.IsTenantTable(name))
                        {
                            NoteTenantTable(name);
                        }
                    }

                    return !(statement is UnparsedStatement);
                case SetStatement set:
                    var setting = SessionSettingDetector.FromSet(set, _text, CurrentStatementText);
                    if (setting != null)
                    {
                        _settings.Add(setting);
                    }

                    return true;
                default:
                    VisitStatement(statement, null, null);
                    return true;
            }
        }

        private void VisitStatement(SqlStatement statement, Scope? parent, CteNames? ctes)
        {
            switch (statement)
            {
                case SelectStatement select:
                    VisitQuery(select.Query, parent, ctes);
                    break;
                case InsertStatement insert:
                    VisitInsert(insert, parent, ctes);
                    break;
                case UpdateStatement update:
                    VisitUpdate(update, parent, ctes);
                    break;
                case DeleteStatement delete:
                    VisitDelete(delete, parent, ctes);
                    break;
            }
        }

        private CteNames? VisitWith(WithClause? with, Scope? parent, CteNames? ctes)
        {
            if (with == null)
            {
                return ctes;
            }

            foreach (var table in with.Tables)
            {
                var visible = with.Recursive ? new CteNames(table.Name, ctes) : ctes;
                VisitStatement(table.Body, parent, visible);
                ctes = new CteNames(table.Name, ctes);
            }

            return ctes;
        }

        private void VisitQuery(QueryExpression query, Scope? parent, CteNames? ctes)
        {
            ctes = VisitWith(query.With, parent, ctes);
            switch (query)
            {
                case SelectQuery block:
                    VisitSelectBlock(block, parent, ctes);
                    break;
                case SetOperationQuery setOperation:
                    VisitQuery(setOperation.Left, parent, ctes);
                    VisitQuery(setOperation.Right, parent, ctes);
                    break;
                case ValuesQuery values:
                    foreach (var row in values.Rows)
                    {
                        VisitExpressions(row, parent, ctes);
                    }

                    break;
                case TableQuery table:
                    var scope = new Scope(parent);
                    AddSource(scope, table.Table, PredicatePlacement.None, null, ctes);
                    ReportUnconstrained(scope, null, -1, whereCurrentOf: false);
                    break;
            }

            foreach (var expression in query.Trailing)
            {
                VisitExpressions(expression, parent, ctes);
            }
        }

        private void VisitSelectBlock(SelectQuery block, Scope? parent, CteNames? ctes)
        {
            var scope = new Scope(parent);
            foreach (var item in block.From)
            {
                AddSources(scope, item, PredicatePlacement.Where, ctes);
            }

            TenantPredicates.CollectConjuncts(block.Where, scope.Conjuncts);
            TenantPredicates.ApplyConstraints(scope, _tenantColumn);
            ReportUnconstrained(scope, block.Where, block.WhereInsertOffset, whereCurrentOf: false);

            VisitFromChildren(block.From, scope, parent, ctes);
            foreach (var expression in block.SelectList)
            {
                VisitExpressions(expression, scope, ctes);
            }

            VisitExpressions(block.Where, scope, ctes);
            foreach (var expression in block.OtherClauses)
            {
                VisitExpressions(expression, scope, ctes);
            }
        }

        private void VisitInsert(InsertStatement insert, Scope? parent, CteNames? ctes)
        {
            ctes = VisitWith(insert.With, parent, ctes);
            var target = insert.Target;
            if (IsTenantTable(target, ctes))
            {
                NoteTenantTable(target.Name);
                if (insert.Columns != null && !insert.Columns.Contains(_tenantColumn))
                {
                    var singleRowClose = insert.Source is ValuesQuery values && values.Rows.Count == 1 && values.With == null
                        ? values.Rows[0].End - 1
                        : -1;
                    var plan = PredicateEditPlan.ForInsert(_tenantColumn, insert.ColumnListCloseOffset, singleRowClose);
                    AddViolation(target, ViolationKind.InsertWithoutTenantColumn, plan);
                }
            }

            if (insert.Source != null)
            {
                VisitQuery(insert.Source, parent, ctes);
            }

            // ON CONFLICT and RETURNING see the target row; it is the row being written, not a read to filter.
            var scope = new Scope(parent);
            scope.Sources.Add(new Source(scope, target.Alias ?? target.Name.Name, target, isTenant: false));
            foreach (var expression in insert.OtherExpressions)
            {
                VisitExpressions(expression, scope, ctes);
            }
        }

        private void VisitUpdate(UpdateStatement update, Scope? parent, CteNames? ctes)
        {
            ctes = VisitWith(update.With, parent, ctes);
            var scope = CheckWriteTarget(update.Target, update.From, update.Where, update.WhereInsertOffset, update.WhereCurrentOf, parent, ctes);
            foreach (var expression in update.Assignments)
            {
                VisitExpressions(expression, scope, ctes);
            }

            VisitExpressions(update.Where, scope, ctes);
            foreach (var expression in update.Returning)
            {
                VisitExpressions(expression, scope, ctes);
            }
        }

        private void VisitDelete(DeleteStatement delete, Scope? parent, CteNames? ctes)
        {
            ctes = VisitWith(delete.With, parent, ctes);
            var scope = CheckWriteTarget(delete.Target, delete.Using, delete.Where, delete.WhereInsertOffset, delete.WhereCurrentOf, parent, ctes);
            VisitExpressions(delete.Where, scope, ctes);
            foreach (var expression in delete.Returning)
            {
                VisitExpressions(expression, scope, ctes);
            }
        }

        /// <summary>
        /// UPDATE and DELETE alike: the target and the UPDATE … FROM / DELETE … USING tables must each be bound to a
        /// tenant by the WHERE's top-level conjuncts. Returns the scope their other expressions are read in.
        /// </summary>
        private Scope CheckWriteTarget(NamedTableReference target, List<TableReference> otherTables, SqlExpression? where,
            int whereInsertOffset, bool whereCurrentOf, Scope? parent, CteNames? ctes)
        {
            var scope = new Scope(parent);
            AddSource(scope, target, whereCurrentOf ? PredicatePlacement.None : PredicatePlacement.Where, null, ctes);
            foreach (var item in otherTables)
            {
                AddSources(scope, item, PredicatePlacement.Where, ctes);
            }

            TenantPredicates.CollectConjuncts(where, scope.Conjuncts);
            TenantPredicates.ApplyConstraints(scope, _tenantColumn);
            ReportUnconstrained(scope, where, whereInsertOffset, whereCurrentOf);
            VisitFromChildren(otherTables, scope, parent, ctes);
            return scope;
        }

        /// <summary>Visits an expression tree: nested queries get analysed, set_config calls get checked.</summary>
        private void VisitExpressions(SqlExpression? root, Scope? scope, CteNames? ctes)
        {
            if (root == null)
            {
                return;
            }

            var floor = _pending.Count;
            _pending.Add(root);
            while (_pending.Count > floor)
            {
                var expression = _pending[_pending.Count - 1];
                _pending.RemoveAt(_pending.Count - 1);
                if (expression is FunctionCallExpression call && call.Name == "set_config")
                {
                    var setting = SessionSettingDetector.FromSetConfig(call, _text, CurrentStatementText);
                    if (setting != null)
                    {
                        _settings.Add(setting);
                    }
                }

                var nested = expression.NestedQuery;
                if (nested != null)
                {
                    VisitQuery(nested, scope, ctes);
                }

                expression.AddChildren(_pending);
            }
        }
    }
}
