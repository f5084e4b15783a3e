using System;
using System.Collections.Generic;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>Where a tenant predicate (or tenant column) can be added to the checked text, decided while analysing.</summary>
    internal sealed class PredicateEditPlan
    {
        public static readonly PredicateEditPlan None = new PredicateEditPlan();

        private PredicateEditPlan()
        {
        }

        public string Qualifier { get; private set; } = string.Empty;

        public string TenantColumn { get; private set; } = string.Empty;

        /// <summary>Span of the existing WHERE condition, or -1 when the block has no WHERE.</summary>
        public int WhereStart { get; private set; } = -1;

        public int WhereEnd { get; private set; } = -1;

        public bool WhereHasTopLevelOr { get; private set; }

        /// <summary>Offset where " WHERE …" goes when there is no WHERE yet.</summary>
        public int WhereInsertOffset { get; private set; } = -1;

        /// <summary>For an INSERT: offset of the column list's ")" and of the single VALUES row's ")".</summary>
        public int ColumnListCloseOffset { get; private set; } = -1;

        public int ValuesRowCloseOffset { get; private set; } = -1;

        private bool IsInsert { get; set; }

        public static PredicateEditPlan ForExistingWhere(string qualifier, string tenantColumn, int whereStart, int whereEnd, bool hasTopLevelOr) =>
            new PredicateEditPlan
            {
                Qualifier = qualifier,
                TenantColumn = tenantColumn,
                WhereStart = whereStart,
                WhereEnd = whereEnd,
                WhereHasTopLevelOr = hasTopLevelOr,
            };

        public static PredicateEditPlan ForNewWhere(string qualifier, string tenantColumn, int insertOffset) =>
            new PredicateEditPlan { Qualifier = qualifier, TenantColumn = tenantColumn, WhereInsertOffset = insertOffset };

        public static PredicateEditPlan ForInsert(string tenantColumn, int columnListCloseOffset, int valuesRowCloseOffset) =>
            new PredicateEditPlan
            {
                TenantColumn = tenantColumn,
                ColumnListCloseOffset = columnListCloseOffset,
                ValuesRowCloseOffset = valuesRowCloseOffset,
                IsInsert = true,
            };

        public IReadOnlyList<SqlTextEdit> CreateEdits(string placeholder)
        {
            if (string.IsNullOrWhiteSpace(placeholder) || ReferenceEquals(this, None))
            {
                return Array.Empty<SqlTextEdit>();
            }

            if (IsInsert)
            {
                if (ColumnListCloseOffset < 0 || ValuesRowCloseOffset < 0)
                {
                    return Array.Empty<SqlTextEdit>();
                }

                return new[]
                {
                    new SqlTextEdit(ColumnListCloseOffset, 0, ", " + SqlQuoting.QuoteIdentifier(TenantColumn)),
                    new SqlTextEdit(ValuesRowCloseOffset, 0, ", " + placeholder),
                };
            }

            var predicate = Qualifier + "." + SqlQuoting.QuoteIdentifier(TenantColumn) + " = " + placeholder;
            if (WhereStart >= 0)
            {
                if (WhereHasTopLevelOr)
                {
                    return new[]
                    {
                        new SqlTextEdit(WhereStart, 0, "("),
                        new SqlTextEdit(WhereEnd, 0, ") AND " + predicate),
                    };
                }

                return new[] { new SqlTextEdit(WhereEnd, 0, " AND " + predicate) };
            }

            if (WhereInsertOffset >= 0)
            {
                return new[] { new SqlTextEdit(WhereInsertOffset, 0, " WHERE " + predicate) };
            }

            return Array.Empty<SqlTextEdit>();
        }
    }
}
