using System;
using System.Collections.Generic;
using TenantGuard.Sql.Parsing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// Replays CREATE / ALTER / DROP TABLE in order, tracking every table and whether it carries the tenant column.
    /// </summary>
    internal sealed class MigrationSchemaTracker
    {
        private readonly string _tenantColumn;
        private readonly List<TrackedTable> _tables = new List<TrackedTable>();

        private MigrationSchemaTracker(string tenantColumn) => _tenantColumn = tenantColumn;

        public static MigrationSchemaResult Read(string sql, string tenantColumn)
        {
            var problems = new List<SqlProblem>();
            var tracker = new MigrationSchemaTracker(QualifiedNameParser.FoldIdentifier(tenantColumn));
            var document = SqlDocument.Parse(sql, interpolationHoles: false);
            problems.AddRange(document.Problems);
            foreach (var statement in document.Statements)
            {
                tracker.Apply(statement, document, problems);
            }

            var tenantTables = new List<QualifiedName>();
            var allTables = new List<QualifiedName>(tracker._tables.Count);
            foreach (var table in tracker._tables)
            {
                allTables.Add(table.Name);
                if (table.IsTenant)
                {
                    tenantTables.Add(table.Name);
                }
            }

            return new MigrationSchemaResult(tenantTables, allTables, problems);
        }

        private void Apply(SqlStatement statement, SqlDocument document, List<SqlProblem> problems)
        {
            switch (statement)
            {
                case CreateTableStatement create:
                    ApplyCreate(create);
                    break;
                case AlterTableStatement alter:
                    ApplyAlter(alter);
                    break;
                case DropTableStatement drop:
                    foreach (var name in drop.Names)
                    {
                        var index = IndexOf(name);
                        if (index >= 0)
                        {
                            _tables.RemoveAt(index);
                        }
                    }

                    break;
                case OtherStatement other when other.Kind == "DO":
                    ApplyDoBlock(document.Text.Substring(other.Start, other.End - other.Start));
                    break;
                case UnparsedStatement unparsed when IsTableDdl(document, unparsed):
                    var (line, column) = LineAndColumn(document.Text, unparsed.ErrorOffset);
                    problems.Add(new SqlProblem(
                        "Could not read this table statement (" + unparsed.Message + ") Its tables are not tracked; fix the SQL or simplify the statement.",
                        line,
                        column,
                        unparsed.ErrorOffset));
                    break;
            }
        }

        /// <summary>
        /// The table statements inside a DO block (dotnet ef's idempotent scripts wrap every statement in one). What the
        /// block holds besides them is procedural code: it is skipped without a problem.
        /// </summary>
        private void ApplyDoBlock(string statementText)
        {
            var inner = DoBlockBody.StatementsOf(statementText);
            if (string.IsNullOrEmpty(inner))
            {
                return;
            }

            var document = SqlDocument.Parse(inner!, interpolationHoles: false);
            var ignored = new List<SqlProblem>();
            foreach (var statement in document.Statements)
            {
                if (!(statement is OtherStatement other && other.Kind == "DO"))
                {
                    Apply(statement, document, ignored);
                }
            }
        }

        private void ApplyCreate(CreateTableStatement create)
        {
            var isTenant = create.Columns.Contains(_tenantColumn);
            if (create.PartitionOf is QualifiedName parent)
            {
                isTenant = Find(parent)?.IsTenant ?? false;
            }

            foreach (var inherited in create.Inherits)
            {
                isTenant |= Find(inherited)?.IsTenant ?? false;
            }

            var existing = IndexOf(create.Name);
            if (existing >= 0)
            {
                // CREATE TABLE IF NOT EXISTS of a table we already know: the existing definition stands.
                return;
            }

            _tables.Add(new TrackedTable(create.Name, isTenant, create.PartitionOf));
        }

        private void ApplyAlter(AlterTableStatement alter)
        {
            var table = Find(alter.Name);
            if (table == null)
            {
                // Altered but created elsewhere (an earlier script, the framework): it exists, so track it from here.
                table = new TrackedTable(alter.Name, isTenant: false, parent: null);
                _tables.Add(table);
            }

            foreach (var action in alter.Actions)
            {
                switch (action.Kind)
                {
                    case AlterTableActionKind.AddColumn when action.Name == _tenantColumn:
                        SetTenant(table, true);
                        break;
                    case AlterTableActionKind.DropColumn when action.Name == _tenantColumn:
                        SetTenant(table, false);
                        break;
                    case AlterTableActionKind.RenameColumn when action.NewName == _tenantColumn:
                        SetTenant(table, true);
                        break;
                    case AlterTableActionKind.RenameColumn when action.Name == _tenantColumn:
                        SetTenant(table, false);
                        break;
                    case AlterTableActionKind.RenameTable:
                        table.Name = new QualifiedName(table.Name.Schema, action.Name!);
                        break;
                    case AlterTableActionKind.SetSchema:
                        table.Name = new QualifiedName(action.Name, table.Name.Name);
                        break;
                    case AlterTableActionKind.AttachPartition when action.Table is QualifiedName partitionName:
                        var partition = Find(partitionName);
                        if (partition != null)
                        {
                            partition.Parent = table.Name;
                            partition.IsTenant = table.IsTenant;
                        }

                        break;
                }
            }
        }

        /// <summary>Columns added to or dropped from a partitioned table change every partition too.</summary>
        private void SetTenant(TrackedTable table, bool isTenant)
        {
            table.IsTenant = isTenant;
            foreach (var other in _tables)
            {
                if (other.Parent is QualifiedName parent && Matches(parent, table.Name))
                {
                    SetTenant(other, isTenant);
                }
            }
        }

        private TrackedTable? Find(QualifiedName name)
        {
            var index = IndexOf(name);
            return index >= 0 ? _tables[index] : null;
        }

        /// <summary>Exact match first; otherwise an unqualified (or public.) name matches the same name.</summary>
        private int IndexOf(QualifiedName name)
        {
            for (var i = 0; i < _tables.Count; i++)
            {
                if (_tables[i].Name.Equals(name))
                {
                    return i;
                }
            }

            for (var i = 0; i < _tables.Count; i++)
            {
                if (Matches(_tables[i].Name, name))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool Matches(QualifiedName a, QualifiedName b) =>
            string.Equals(a.Name, b.Name, StringComparison.Ordinal) &&
            (a.Schema == b.Schema || a.Schema == null || b.Schema == null || IsPublic(a.Schema) && IsPublic(b.Schema));

        private static bool IsPublic(string? schema) => schema == null || schema == "public";

        private static bool IsTableDdl(SqlDocument document, UnparsedStatement statement)
        {
            var tokens = document.Tokens;
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (tokens[i].Start < statement.Start)
                {
                    continue;
                }

                var first = tokens[i];
                if (!first.Is("create") && !first.Is("alter") && !first.Is("drop"))
                {
                    return false;
                }

                for (var j = i + 1; j < tokens.Count && j < i + 6 && tokens[j].Start < statement.End; j++)
                {
                    if (tokens[j].Is("table"))
                    {
                        return true;
                    }
                }

                return false;
            }

            return false;
        }

        private static (int Line, int Column) LineAndColumn(string text, int offset)
        {
            int line = 1, lineStart = 0;
            for (var i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }

        private sealed class TrackedTable
        {
            public TrackedTable(QualifiedName name, bool isTenant, QualifiedName? parent)
            {
                Name = name;
                IsTenant = isTenant;
                Parent = parent;
            }

            public QualifiedName Name { get; set; }

            public bool IsTenant { get; set; }

            public QualifiedName? Parent { get; set; }
        }
    }
}
