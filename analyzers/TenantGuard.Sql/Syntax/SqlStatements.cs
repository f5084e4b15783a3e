using System.Collections.Generic;

namespace TenantGuard.Sql.Syntax
{
    /// <summary>One statement of a SQL text; Start/End exclude the terminating semicolon.</summary>
    internal abstract class SqlStatement : SqlNode
    {
        /// <summary>"SELECT", "INSERT", "UPDATE", "DELETE", "SET", "CREATE TABLE", … or the first keyword.</summary>
        public abstract string Kind { get; }
    }

    internal sealed class SelectStatement : SqlStatement
    {
        public SelectStatement(QueryExpression query) => Query = query;

        public QueryExpression Query { get; }

        public override string Kind => "SELECT";
    }

    internal sealed class InsertStatement : SqlStatement
    {
        public InsertStatement(NamedTableReference target) => Target = target;

        public override string Kind => "INSERT";

        public WithClause? With { get; set; }

        public NamedTableReference Target { get; }

        /// <summary>Null when the statement names no column list (all columns, in table order).</summary>
        public List<string>? Columns { get; set; }

        public int ColumnListCloseOffset { get; set; } = -1;

        /// <summary>VALUES rows or a SELECT; null for DEFAULT VALUES.</summary>
        public QueryExpression? Source { get; set; }

        /// <summary>ON CONFLICT target, DO UPDATE SET values and WHERE, and RETURNING expressions.</summary>
        public List<SqlExpression> OtherExpressions { get; } = new List<SqlExpression>();
    }

    internal sealed class UpdateStatement : SqlStatement
    {
        public UpdateStatement(NamedTableReference target) => Target = target;

        public override string Kind => "UPDATE";

        public WithClause? With { get; set; }

        public NamedTableReference Target { get; }

        public List<SqlExpression> Assignments { get; } = new List<SqlExpression>();

        public List<TableReference> From { get; } = new List<TableReference>();

        public SqlExpression? Where { get; set; }

        public bool WhereCurrentOf { get; set; }

        public int WhereInsertOffset { get; set; } = -1;

        public List<SqlExpression> Returning { get; } = new List<SqlExpression>();
    }

    internal sealed class DeleteStatement : SqlStatement
    {
        public DeleteStatement(NamedTableReference target) => Target = target;

        public override string Kind => "DELETE";

        public WithClause? With { get; set; }

        public NamedTableReference Target { get; }

        public List<TableReference> Using { get; } = new List<TableReference>();

        public SqlExpression? Where { get; set; }

        public bool WhereCurrentOf { get; set; }

        public int WhereInsertOffset { get; set; } = -1;

        public List<SqlExpression> Returning { get; } = new List<SqlExpression>();
    }

    internal enum SettingScope
    {
        Default,
        Session,
        Local,
    }

    /// <summary>SET [SESSION | LOCAL] name {= | TO} value, and RESET name.</summary>
    internal sealed class SetStatement : SqlStatement
    {
        public SetStatement(string name, SettingScope scope)
        {
            Name = name;
            Scope = scope;
        }

        public override string Kind => IsReset ? "RESET" : "SET";

        /// <summary>Lower-case dotted name as written ("app.current_tenant", "search_path", "time zone").</summary>
        public string Name { get; }

        public SettingScope Scope { get; }

        public bool IsReset { get; set; }

        public List<SqlExpression> Values { get; } = new List<SqlExpression>();

        public int ValueStart { get; set; } = -1;

        public int ValueEnd { get; set; } = -1;
    }

    internal sealed class CreateTableStatement : SqlStatement
    {
        public CreateTableStatement(QualifiedName name) => Name = name;

        public override string Kind => "CREATE TABLE";

        public QualifiedName Name { get; }

        public List<string> Columns { get; } = new List<string>();

        public QualifiedName? PartitionOf { get; set; }

        public List<QualifiedName> Inherits { get; } = new List<QualifiedName>();

        public QueryExpression? AsQuery { get; set; }
    }

    internal enum AlterTableActionKind
    {
        AddColumn,
        DropColumn,
        RenameColumn,
        RenameTable,
        SetSchema,
        AttachPartition,
        DetachPartition,
        Other,
    }

    internal sealed class AlterTableAction
    {
        public AlterTableAction(AlterTableActionKind kind, string? name, string? newName, QualifiedName? table)
        {
            Kind = kind;
            Name = name;
            NewName = newName;
            Table = table;
        }

        public AlterTableActionKind Kind { get; }

        /// <summary>The column (or new schema for SET SCHEMA, new table name for RENAME TO).</summary>
        public string? Name { get; }

        public string? NewName { get; }

        /// <summary>The partition of ATTACH / DETACH PARTITION.</summary>
        public QualifiedName? Table { get; }
    }

    internal sealed class AlterTableStatement : SqlStatement
    {
        public AlterTableStatement(QualifiedName name) => Name = name;

        public override string Kind => "ALTER TABLE";

        public QualifiedName Name { get; }

        public List<AlterTableAction> Actions { get; } = new List<AlterTableAction>();
    }

    internal sealed class DropTableStatement : SqlStatement
    {
        public override string Kind => "DROP TABLE";

        public List<QualifiedName> Names { get; } = new List<QualifiedName>();
    }

    /// <summary>A statement recognised but not modelled (CREATE POLICY, GRANT, DO, CREATE INDEX, BEGIN, …).</summary>
    internal sealed class OtherStatement : SqlStatement
    {
        public OtherStatement(string kind) => OtherKind = kind;

        public string OtherKind { get; }

        public override string Kind => OtherKind;
    }

    /// <summary>A statement the parser could not read; it yields no violations.</summary>
    internal sealed class UnparsedStatement : SqlStatement
    {
        public UnparsedStatement(string message, int errorOffset)
        {
            Message = message;
            ErrorOffset = errorOffset;
        }

        public override string Kind => "UNPARSED";

        public string Message { get; }

        public int ErrorOffset { get; }
    }
}
