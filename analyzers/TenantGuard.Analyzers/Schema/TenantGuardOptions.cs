using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>
    /// The tenantguard.* keys of .editorconfig / .globalconfig, parsed and validated. A bad value never stops analysis:
    /// the default is used and the value is recorded as a <see cref="ConfigurationProblem"/>.
    /// </summary>
    internal sealed class TenantGuardOptions
    {
        public const string TenantColumnKey = "tenantguard.tenant_column";
        public const string TenantTablesKey = "tenantguard.tenant_tables";
        public const string GlobalTablesKey = "tenantguard.global_tables";
        public const string TenantParameterNamesKey = "tenantguard.tenant_parameter_names";
        public const string TenantAccessorTypesKey = "tenantguard.tenant_accessor_types";
        public const string DataAccessTypesKey = "tenantguard.data_access_types";
        public const string ExemptTestProjectsKey = "tenantguard.exempt_test_projects";
        public const string SqlSinksKey = "tenantguard.sql_sinks";

        public static readonly ImmutableArray<string> DefaultTenantParameterNames =
            ImmutableArray.Create("tenantId", "tenant_id", "teamId", "tenant");

        public static readonly ImmutableArray<string> DefaultTenantAccessorTypes =
            ImmutableArray.Create("ITenantContext", "ITenantAccessor", "ITenantProvider", "IMultiTenantContext");

        public static readonly TenantGuardOptions Default = new TenantGuardOptions(
            "tenant_id", ImmutableArray<QualifiedName>.Empty, ImmutableArray<QualifiedName>.Empty,
            DefaultTenantParameterNames, DefaultTenantAccessorTypes, ImmutableArray<string>.Empty, true,
            ImmutableArray<ConfiguredSink>.Empty, ImmutableArray<ConfigurationProblem>.Empty);

        private TenantGuardOptions(
            string tenantColumn,
            ImmutableArray<QualifiedName> tenantTables,
            ImmutableArray<QualifiedName> globalTables,
            ImmutableArray<string> tenantParameterNames,
            ImmutableArray<string> tenantAccessorTypes,
            ImmutableArray<string> dataAccessTypes,
            bool exemptTestProjects,
            ImmutableArray<ConfiguredSink> sqlSinks,
            ImmutableArray<ConfigurationProblem> problems)
        {
            SqlSinks = sqlSinks;
            TenantColumn = tenantColumn;
            TenantTables = tenantTables;
            GlobalTables = globalTables;
            TenantParameterNames = tenantParameterNames;
            TenantAccessorTypes = tenantAccessorTypes;
            DataAccessTypes = dataAccessTypes;
            ExemptTestProjects = exemptTestProjects;
            Problems = problems;
            CacheKey = string.Join("\u0001", new[]
            {
                tenantColumn,
                string.Join(",", tenantTables),
                string.Join(",", globalTables),
            });
        }

        /// <summary>The tenant column's name as PostgreSQL stores it: "TenantId" quoted is TenantId, TenantId unquoted is tenantid.</summary>
        public string TenantColumn { get; }

        /// <summary>The tenant column written as SQL (quoted when PostgreSQL needs it), for the SQL reader and messages.</summary>
        public string TenantColumnSql => SqlQuoting.QuoteIdentifier(TenantColumn);
        public ImmutableArray<QualifiedName> TenantTables { get; }
        public ImmutableArray<QualifiedName> GlobalTables { get; }
        public ImmutableArray<string> TenantParameterNames { get; }
        public ImmutableArray<string> TenantAccessorTypes { get; }
        public ImmutableArray<string> DataAccessTypes { get; }
        public bool ExemptTestProjects { get; }

        /// <summary>Methods outside the compilation that send the SQL they are given (tenantguard.sql_sinks).</summary>
        public ImmutableArray<ConfiguredSink> SqlSinks { get; }
        public ImmutableArray<ConfigurationProblem> Problems { get; }

        /// <summary>Which names hold a tenant value under these options, decided once per name (see TenantNames).</summary>
        internal ConcurrentDictionary<string, bool> TenantValueNames { get; } =
            new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>Identifies the schema-relevant part of the options (tenant column and table lists).</summary>
        public string CacheKey { get; }

        public string FirstTenantParameterName => TenantParameterNames.IsDefaultOrEmpty ? "tenantId" : TenantParameterNames[0];

        public static TenantGuardOptions Parse(AnalyzerConfigOptions options)
        {
            var problems = ImmutableArray.CreateBuilder<ConfigurationProblem>();

            var tenantColumn = Default.TenantColumn;
            if (options.TryGetValue(TenantColumnKey, out var columnText))
            {
                var column = ReadColumnName(columnText.Trim());
                if (column != null)
                {
                    tenantColumn = column;
                }
                else
                {
                    problems.Add(new ConfigurationProblem(TenantColumnKey, columnText, "expected one column name such as tenant_id or \"TenantId\""));
                }
            }

            var tenantTables = ReadTables(options, TenantTablesKey, problems);
            var globalTables = ReadTables(options, GlobalTablesKey, problems);
            var parameterNames = ReadNames(options, TenantParameterNamesKey, DefaultTenantParameterNames, problems);
            var accessorTypes = ReadNames(options, TenantAccessorTypesKey, DefaultTenantAccessorTypes, problems);
            var dataAccessTypes = ReadNames(options, DataAccessTypesKey, ImmutableArray<string>.Empty, problems);

            var exemptTests = true;
            if (options.TryGetValue(ExemptTestProjectsKey, out var exemptText))
            {
                if (bool.TryParse(exemptText.Trim(), out var parsed))
                {
                    exemptTests = parsed;
                }
                else
                {
                    problems.Add(new ConfigurationProblem(ExemptTestProjectsKey, exemptText, "expected true or false"));
                }
            }

            var sqlSinks = ReadSqlSinks(options, problems);
            return new TenantGuardOptions(tenantColumn, tenantTables, globalTables, parameterNames, accessorTypes,
                dataAccessTypes, exemptTests, sqlSinks, problems.ToImmutable());
        }

        private static ImmutableArray<QualifiedName> ReadTables(
            AnalyzerConfigOptions options, string key, ImmutableArray<ConfigurationProblem>.Builder problems)
        {
            if (!options.TryGetValue(key, out var text))
            {
                return ImmutableArray<QualifiedName>.Empty;
            }

            var tables = ImmutableArray.CreateBuilder<QualifiedName>();
            foreach (var item in SplitList(text))
            {
                if (!IsTableName(item))
                {
                    problems.Add(new ConfigurationProblem(key, text, "'" + item + "' is not a table name (expected name or schema.name, comma-separated)"));
                    return ImmutableArray<QualifiedName>.Empty;
                }

                tables.Add(QualifiedName.Parse(item));
            }

            return tables.ToImmutable();
        }

        private static ImmutableArray<ConfiguredSink> ReadSqlSinks(AnalyzerConfigOptions options, ImmutableArray<ConfigurationProblem>.Builder problems)
        {
            if (!options.TryGetValue(SqlSinksKey, out var text))
            {
                return ImmutableArray<ConfiguredSink>.Empty;
            }

            var sinks = ImmutableArray.CreateBuilder<ConfiguredSink>();
            foreach (var item in SplitList(text))
            {
                var sink = ConfiguredSink.Parse(item);
                if (sink == null)
                {
                    problems.Add(new ConfigurationProblem(SqlSinksKey, text,
                        "'" + item + "' is not a method (expected Namespace.Type.Method or Namespace.Type.Method(sqlParameter), comma-separated)"));
                    return ImmutableArray<ConfiguredSink>.Empty;
                }

                sinks.Add(sink);
            }

            return sinks.ToImmutable();
        }

        private static ImmutableArray<string> ReadNames(
            AnalyzerConfigOptions options, string key, ImmutableArray<string> defaults,
            ImmutableArray<ConfigurationProblem>.Builder problems)
        {
            if (!options.TryGetValue(key, out var text))
            {
                return defaults;
            }

            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var item in SplitList(text))
            {
                if (!IsDottedIdentifier(item))
                {
                    problems.Add(new ConfigurationProblem(key, text, "'" + item + "' is not a C# name (expected a comma-separated list of names)"));
                    return defaults;
                }

                names.Add(item);
            }

            if (names.Count == 0)
            {
                problems.Add(new ConfigurationProblem(key, text, "the list is empty"));
                return defaults;
            }

            return names.ToImmutable();
        }

        private static IEnumerable<string> SplitList(string text)
        {
            foreach (var part in text.Split(','))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    yield return item;
                }
            }
        }

        /// <summary>
        /// One column name, with PostgreSQL's rules: a double-quoted name is kept exactly (case and all), an unquoted one
        /// folds to lower case. Null when the text is neither.
        /// </summary>
        private static string? ReadColumnName(string text)
        {
            if (text.Length >= 3 && text[0] == '"' && text[text.Length - 1] == '"')
            {
                var inner = text.Substring(1, text.Length - 2);
                return inner.Replace("\"\"", string.Empty).IndexOf('"') < 0 ? inner.Replace("\"\"", "\"") : null;
            }

            return IsIdentifier(text) ? text.ToLowerInvariant() : null;
        }

        /// <summary>A plain name (letters, digits, underscores; not starting with a digit), as an unquoted identifier is.</summary>
        internal static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDottedIdentifier(string text)
        {
            foreach (var part in text.Split('.'))
            {
                if (!IsIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsTableName(string text)
        {
            var parts = text.Split('.');
            if (parts.Length > 2)
            {
                return false;
            }

            foreach (var part in parts)
            {
                var isQuoted = part.Length >= 3 && part[0] == '"' && part[part.Length - 1] == '"';
                if (!isQuoted && !IsIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        public bool IsTenantParameterName(string name)
        {
            foreach (var candidate in TenantParameterNames)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
