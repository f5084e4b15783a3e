using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0004: a tenant setting made for the whole session (SET, SET SESSION, set_config(..., false)) outlives the request
    /// on a pooled connection; SET LOCAL with a parameter fails at run time.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0004SessionScopedTenantSetting : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0004);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            SqlSinkAnalysis.RegisterKnownSqlAction(context, Analyze);
        }

        private static void Analyze(OperationAnalysisContext context, SqlAtSink sql, TenantGuardCompilation compilation)
        {
            if (sql.Result.SessionScopedSettings.Count == 0)
            {
                return;
            }

            var location = sql.Sink.SqlValue.Syntax.GetLocation();
            foreach (var setting in sql.Result.SessionScopedSettings)
            {
                // In concatenated SQL a hole is a value pasted into the text, not a parameter SET would refuse.
                if (sql.Sql.IsPartial && setting.Kind == SessionSettingKind.SetLocalWithPlaceholder)
                {
                    continue;
                }

                var replacement = ReplacementFor(setting, sql.Sql.Text);
                var edits = replacement == null || sql.Sql.SingleLiteral == null
                    ? new SqlTextEdit[0]
                    : new[] { new SqlTextEdit(setting.Start, setting.Length, replacement) };
                var properties = FixProperties.Create(sql.Sink.Kind.ToString(), sql.Options.FirstTenantParameterName, edits);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0004, location, properties, setting.SettingName, Explain(setting)));
            }
        }

        /// <summary>
        /// The text replacing the setting's span: the suggested statement for a SET, or just the set_config(...) call
        /// when the span is a call inside a SELECT that stays.
        /// </summary>
        private static string? ReplacementFor(SessionScopedSetting setting, string sql)
        {
            var suggested = setting.SuggestedSql;
            if (suggested == null || setting.Start < 0 || setting.Length <= 0 || setting.Start + setting.Length > sql.Length)
            {
                return null;
            }

            const string select = "SELECT ";
            var original = sql.Substring(setting.Start, setting.Length);
            if (setting.Kind == SessionSettingKind.SetConfigNotLocal &&
                suggested.StartsWith(select, StringComparison.OrdinalIgnoreCase) &&
                !original.StartsWith(select, StringComparison.OrdinalIgnoreCase))
            {
                return suggested.Substring(select.Length);
            }

            return suggested;
        }

        private static string Explain(SessionScopedSetting setting)
        {
            var fix = setting.SuggestedSql ?? "SELECT set_config('" + setting.SettingName + "', <value>, true)";
            switch (setting.Kind)
            {
                case SessionSettingKind.SetLocalWithPlaceholder:
                    return "'" + setting.StatementText + "' fails at run time because SET does not take parameters; use " + fix + " inside a transaction";
                case SessionSettingKind.SetConfigNotLocal:
                    return "'" + setting.StatementText + "' keeps the value for the whole session, so on a pooled connection the tenant leaks to the next request; use " + fix + " inside a transaction";
                default:
                    return "'" + setting.StatementText + "' sets it for the whole session, so on a pooled connection the tenant leaks to the next request; use " + fix + " inside a transaction";
            }
        }
    }
}
