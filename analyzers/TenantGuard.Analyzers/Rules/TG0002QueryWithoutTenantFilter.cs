using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Analyzers.Tenancy;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>TG0002: SQL that reaches the database reads or changes a tenant-owned table without a tenant filter.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0002QueryWithoutTenantFilter : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0002);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            SqlSinkAnalysis.RegisterKnownSqlAction(context, Analyze);
        }

        private static void Analyze(OperationAnalysisContext context, SqlAtSink sql, TenantGuardCompilation compilation)
        {
            if (sql.Result.Violations.Count == 0 || sql.Sql.IsPartial || CrossTenantExemption.IsExempt(context.ContainingSymbol) ||
                EfCore.FilteredRawQuery.Is(sql.Sink, compilation, sql.Options))
            {
                return;
            }

            var location = sql.Sink.SqlValue.Syntax.GetLocation();
            var noSchema = !compilation.IsSchemaDeclared(sql.Options);
            foreach (var violation in sql.Result.Violations)
            {
                var problem = violation.Kind == ViolationKind.InsertWithoutTenantColumn
                    ? "does not supply the tenant column " + sql.Options.TenantColumnSql
                    : "is not filtered by " + sql.Options.TenantColumnSql + " = <parameter>";
                var hint = noSchema && compilation.TakeNoSchemaHint(Descriptors.TG0002) ? Descriptors.NoSchemaHint : string.Empty;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0002, location, SqlFixPlan.For(sql, violation),
                    violation.Table.ToString(), violation.StatementKind, problem, violation.StatementText, hint));
            }
        }
    }
}
