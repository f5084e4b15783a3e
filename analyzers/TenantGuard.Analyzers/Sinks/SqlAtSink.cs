using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>SQL found at a sink, folded to text and checked against the tenant schema.</summary>
    internal sealed class SqlAtSink
    {
        private SqlAtSink(SqlSink sink, FoldedSql sql, SqlCheckResult result, TenantGuardOptions options)
        {
            Sink = sink;
            Sql = sql;
            Result = result;
            Options = options;
        }

        public SqlSink Sink { get; }
        public FoldedSql Sql { get; }
        public SqlCheckResult Result { get; }
        public TenantGuardOptions Options { get; }

        /// <summary>The SQL sent by <paramref name="operation"/>, or null when it sends none or its text cannot be known.</summary>
        public static SqlAtSink? Read(IOperation operation, TenantGuardCompilation compilation)
        {
            var sink = SqlSinkFinder.Find(operation, compilation.Symbols);
            if (sink == null)
            {
                return null;
            }

            var sql = SqlConstantFolder.Fold(sink.SqlValue);
            if (sql == null || sql.Text.Length == 0)
            {
                return null;
            }

            var options = compilation.GetOptions(operation.Syntax.SyntaxTree);
            return new SqlAtSink(sink, sql, compilation.Check(sql, options), options);
        }
    }
}
