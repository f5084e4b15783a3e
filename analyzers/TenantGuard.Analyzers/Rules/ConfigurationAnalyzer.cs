using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0900–TG0903: problems with what TenantGuard was told — no schema at all, a migration file it could not read,
    /// a bad .editorconfig value, a tenant column no migration declares. Each is reported once per compilation; the other rules keep working with defaults.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(Descriptors.TG0900, Descriptors.TG0901, Descriptors.TG0902, Descriptors.TG0903);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(end =>
                Report(end, TenantGuardCompilation.Get(end.Compilation, end.Options, end.CancellationToken)));
        }

        private static void Report(CompilationAnalysisContext context, TenantGuardCompilation compilation)
        {
            var allOptions = new List<TenantGuardOptions> { compilation.GlobalOptions };
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                allOptions.Add(compilation.GetOptions(tree));
            }

            ReportConfigurationProblems(context, allOptions);
            ReportMigrationProblems(context, compilation, allOptions);
            ReportMissingSchema(context, compilation, allOptions);
            ReportUnmatchedTenantColumn(context, compilation, allOptions);
        }

        /// <summary>Migrations given, but none declares the configured tenant column (and no tenant_tables lists one).</summary>
        private static void ReportUnmatchedTenantColumn(CompilationAnalysisContext context, TenantGuardCompilation compilation, List<TenantGuardOptions> allOptions)
        {
            if (!compilation.HasMigrationFiles)
            {
                return;
            }

            // The options code is analyzed under (a tree's .editorconfig section); the global ones only stand in when
            // there is no code, since a [*.cs] section does not reach them.
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var options in allOptions.Count > 1 ? allOptions.Skip(1) : allOptions)
            {
                var migrations = compilation.GetMigrations(options.TenantColumnSql);
                // Only PostgreSQL files that read cleanly count: another database's files and broken ones have their own TG0901.
                if (options.TenantTables.IsEmpty && migrations.FilesRead > 0 && migrations.TenantTables.IsEmpty &&
                    reported.Add(options.TenantColumnSql))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.TG0903, Location.None, migrations.FilesRead, options.TenantColumnSql));
                }
            }
        }

        private static void ReportConfigurationProblems(CompilationAnalysisContext context, List<TenantGuardOptions> allOptions)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var options in allOptions)
            {
                foreach (var problem in options.Problems)
                {
                    if (reported.Add(problem.Identity))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.TG0902, Location.None, problem.Key, problem.Value, problem.Reason));
                    }
                }
            }
        }

        private static void ReportMigrationProblems(CompilationAnalysisContext context, TenantGuardCompilation compilation, List<TenantGuardOptions> allOptions)
        {
            if (!compilation.HasMigrationFiles)
            {
                return;
            }

            // Problems are about the file's text, not the tenant column: the default column's reading is enough.
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var options in allOptions)
            {
                foreach (var fileProblem in compilation.GetMigrations(options.TenantColumnSql).Problems)
                {
                    var problem = fileProblem.Problem;
                    if (!reported.Add(fileProblem.Path + "\u0001" + problem.Offset + "\u0001" + problem.Message))
                    {
                        continue;
                    }

                    var position = new LinePosition(Math.Max(0, problem.Line - 1), Math.Max(0, problem.Column - 1));
                    var location = Location.Create(
                        fileProblem.Path, new TextSpan(Math.Max(0, problem.Offset), 0), new LinePositionSpan(position, position));
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.TG0901, location, fileProblem.Path, problem.Line, problem.Column, problem.Message));
                }
            }
        }

        private static void ReportMissingSchema(CompilationAnalysisContext context, TenantGuardCompilation compilation, List<TenantGuardOptions> allOptions)
        {
            if (!compilation.Symbols.HasDataAccessLibrary)
            {
                return;
            }

            foreach (var options in allOptions)
            {
                if (compilation.IsSchemaDeclared(options))
                {
                    return;
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TG0900, Location.None));
        }
    }
}
