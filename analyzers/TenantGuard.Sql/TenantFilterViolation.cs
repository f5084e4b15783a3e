using System.Collections.Generic;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql
{
    /// <summary>One tenant-table reference that is not constrained to a single tenant (TG0002).</summary>
    public sealed class TenantFilterViolation
    {
        private readonly PredicateEditPlan _editPlan;

        internal TenantFilterViolation(
            QualifiedName table,
            string? alias,
            ViolationKind kind,
            string statementKind,
            string statementText,
            int statementStart,
            int statementLength,
            PredicateEditPlan editPlan)
        {
            Table = table;
            Alias = alias;
            Kind = kind;
            StatementKind = statementKind;
            StatementText = statementText;
            StatementStart = statementStart;
            StatementLength = statementLength;
            _editPlan = editPlan;
        }

        public QualifiedName Table { get; }

        public string? Alias { get; }

        public ViolationKind Kind { get; }

        /// <summary>"SELECT", "UPDATE", "DELETE" or "INSERT": the kind of the top-level statement.</summary>
        public string StatementKind { get; }

        /// <summary>The statement with whitespace collapsed, at most 120 characters.</summary>
        public string StatementText { get; }

        public int StatementStart { get; }

        public int StatementLength { get; }

        /// <summary>
        /// Edits to the checked text that add `&lt;alias or table&gt;.&lt;tenant_col&gt; = placeholder` (or, for an
        /// INSERT, the tenant column and the placeholder). Empty when no safe edit exists. Apply from last to first.
        /// </summary>
        public IReadOnlyList<SqlTextEdit> CreateTenantPredicateEdits(string placeholder) => _editPlan.CreateEdits(placeholder);

        public override string ToString() => Kind + " " + Table + (Alias == null ? string.Empty : " AS " + Alias) + ": " + StatementText;
    }
}
