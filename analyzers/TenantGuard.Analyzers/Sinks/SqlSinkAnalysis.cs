using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>How the SQL rules subscribe to the calls that send SQL whose text is known at compile time.</summary>
    internal static class SqlSinkAnalysis
    {
        /// <summary>The operations <see cref="SqlSinkFinder"/> recognises: calls, command constructors, CommandText assignments.</summary>
        public static readonly ImmutableArray<OperationKind> SinkOperationKinds =
            ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

        /// <summary>
        /// Calls <paramref name="analyze"/> for every sink whose SQL is known, in compilations that reference a SQL
        /// library at all (the others are skipped without looking at a single operation), outside exempt test code.
        /// </summary>
        public static void RegisterKnownSqlAction(AnalysisContext context, Action<OperationAnalysisContext, SqlAtSink, TenantGuardCompilation> analyze)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = TenantGuardCompilation.Get(start.Compilation, start.Options, start.CancellationToken);
                if (compilation.Symbols.HasNoSqlLibrary)
                {
                    return;
                }

                start.RegisterOperationAction(
                    operation =>
                    {
                        if (compilation.IsTestProject && compilation.IsExemptTestCode(compilation.GetOptions(operation.Operation.Syntax.SyntaxTree)))
                        {
                            return;
                        }

                        var sql = SqlAtSink.Read(operation.Operation, compilation, operation.CancellationToken);
                        if (sql != null)
                        {
                            analyze(operation, sql, compilation);
                        }
                    },
                    SinkOperationKinds);
            });
        }
    }
}
