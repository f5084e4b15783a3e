using System.Threading;
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
        /// <remarks>Read once per call site for all rules: TG0001, TG0002 and TG0004 look at the same sinks.</remarks>
        public static SqlAtSink? Read(IOperation operation, TenantGuardCompilation compilation, CancellationToken cancellationToken)
        {
            var sink = SqlSinkFinder.Find(operation, compilation.Symbols) ??
                       compilation.Wrappers.Find(operation, compilation.GetOptions(operation.Syntax.SyntaxTree), cancellationToken);
            return sink == null ? null : compilation.GetOrReadSql(sink, s => FoldAndCheck(s, compilation));
        }

        private static SqlAtSink? FoldAndCheck(SqlSink sink, TenantGuardCompilation compilation)
        {
            var sql = SqlConstantFolder.Fold(sink.SqlValue) ?? SqlConstantFolder.FoldWithUnknownParts(sink.SqlValue);
            if (sql == null || sql.Text.Length == 0)
            {
                return null;
            }

            if (sink.Kind == SinkKind.EfCoreRaw && !sql.HasInterpolationHoles)
            {
                // FromSqlRaw / ExecuteSqlRaw / SqlQueryRaw turn {0}, {1}, ... into parameters.
                sql = new FoldedSql(sql.Text, hasInterpolationHoles: true, sql.SingleLiteral, sql.IsPartial);
            }

            var options = compilation.GetOptions(sink.Call.Syntax.SyntaxTree);
            return new SqlAtSink(sink, sql, compilation.Check(sql, options), options);
        }
    }
}
