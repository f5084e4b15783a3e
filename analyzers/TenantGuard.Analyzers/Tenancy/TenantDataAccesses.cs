using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Sinks;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// What one method body does with tenant-owned data, for TG0001: the first tenant table it touches, and its SQL
    /// sinks and EF Core query roots (the fix filters the query only when there is exactly one). Operation callbacks
    /// may run concurrently.
    /// </summary>
    internal sealed class TenantDataAccesses
    {
        private readonly object _gate = new object();
        private string? _table;
        private int _sqlCount;
        private SqlAtSink? _sql;
        private int _rootCount;
        private IOperation? _root;
        private ITypeSymbol? _entity;

        public string? Table
        {
            get
            {
                lock (_gate)
                {
                    return _table;
                }
            }
        }

        public void RecordSql(string table, SqlAtSink sql)
        {
            lock (_gate)
            {
                _table ??= table;
                _sql ??= sql;
                _sqlCount++;
            }
        }

        public void RecordQueryRoot(string table, IOperation root, ITypeSymbol entity)
        {
            lock (_gate)
            {
                _table ??= table;
                _root ??= root;
                _entity ??= entity;
                _rootCount++;
            }
        }

        /// <summary>The method's only SQL sink on tenant tables, when it has no other tenant data access.</summary>
        public SqlAtSink? SingleSql
        {
            get
            {
                lock (_gate)
                {
                    return _sqlCount == 1 && _rootCount == 0 ? _sql : null;
                }
            }
        }

        /// <summary>The method's only EF Core query root of a tenant entity, when it has no other tenant data access.</summary>
        public (IOperation Root, ITypeSymbol Entity)? SingleQueryRoot
        {
            get
            {
                lock (_gate)
                {
                    return _rootCount == 1 && _sqlCount == 0 ? (_root!, _entity!) : ((IOperation, ITypeSymbol)?)null;
                }
            }
        }
    }
}
