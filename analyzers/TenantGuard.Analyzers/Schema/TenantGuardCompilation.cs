using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantGuard.Analyzers.EfCore;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Analyzers.Tenancy;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>
    /// Everything TenantGuard knows about one compilation: the migrations, the options, the resolved sink symbols and
    /// the results of SQL checks. Built once per compilation and shared by every rule, so the schema is read once and
    /// each SQL string is checked once however many rules look at it.
    /// </summary>
    internal sealed class TenantGuardCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, TenantGuardCompilation> s_byCompilation =
            new ConditionalWeakTable<Compilation, TenantGuardCompilation>();

        // Migrations rarely change between compilations (IDE typing): reuse them by content checksum.
        private static readonly ConcurrentDictionary<string, MigrationSet> s_migrationsByChecksum =
            new ConcurrentDictionary<string, MigrationSet>(StringComparer.Ordinal);

        private const int MaxCachedMigrationSets = 32;

        private readonly AnalyzerConfigOptionsProvider _optionsProvider;
        private readonly ImmutableArray<MigrationFile> _migrationFiles;
        private readonly string _migrationChecksum;
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, TenantGuardOptions> _options =
            new ConcurrentDictionary<AnalyzerConfigOptions, TenantGuardOptions>();
        private readonly ConcurrentDictionary<SyntaxTree, TenantGuardOptions> _optionsByTree =
            new ConcurrentDictionary<SyntaxTree, TenantGuardOptions>();
        private readonly ConcurrentDictionary<string, TenantSchema> _schemas =
            new ConcurrentDictionary<string, TenantSchema>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SqlCheckResult> _checks =
            new ConcurrentDictionary<string, SqlCheckResult>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxNode, SqlAtSink?> _sqlAtSinks =
            new ConcurrentDictionary<SyntaxNode, SqlAtSink?>();
        private readonly ConcurrentDictionary<TenantGuardOptions, ConcurrentDictionary<INamedTypeSymbol, bool>> _unscopedDataAccessTypes =
            new ConcurrentDictionary<TenantGuardOptions, ConcurrentDictionary<INamedTypeSymbol, bool>>();
        private readonly ConcurrentDictionary<string, byte> _noSchemaHintsGiven =
            new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, EfTenancyModel> _efModels =
            new ConcurrentDictionary<string, EfTenancyModel>(StringComparer.Ordinal);
        private readonly object _efModelGate = new object();
        private EfSymbols? _efSymbols;
        private SqlWrapperFinder? _wrappers;

        private TenantGuardCompilation(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            _optionsProvider = options.AnalyzerConfigOptionsProvider;
            Symbols = new SinkSymbols(compilation);
            _migrationFiles = ReadMigrationFiles(options, cancellationToken);
            _migrationChecksum = ChecksumOf(_migrationFiles);
            IsTestProject = DetectTestProject(compilation, _optionsProvider.GlobalOptions);
        }

        public Compilation Compilation { get; }

        public SinkSymbols Symbols { get; }

        public bool HasMigrationFiles => !_migrationFiles.IsEmpty;

        public bool IsTestProject { get; }

        /// <summary>
        /// Test code is exempt from every code rule by default: fixtures seed tenants and assertions read every
        /// tenant's rows on purpose (tenantguard.exempt_test_projects = false checks it too).
        /// </summary>
        public bool IsExemptTestCode(TenantGuardOptions options) => options.ExemptTestProjects && IsTestProject;

        public static TenantGuardCompilation Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
            s_byCompilation.GetValue(compilation, c => new TenantGuardCompilation(c, options, cancellationToken));

        public TenantGuardOptions GetOptions(SyntaxTree tree) =>
            _optionsByTree.GetOrAdd(tree, t => GetOptions(_optionsProvider.GetOptions(t)));

        public TenantGuardOptions GetOptions(AnalyzerConfigOptions options) =>
            _options.GetOrAdd(options, TenantGuardOptions.Parse);

        public TenantGuardOptions GlobalOptions => GetOptions(_optionsProvider.GlobalOptions);

        public bool IsSchemaDeclared(TenantGuardOptions options) => HasMigrationFiles || !options.TenantTables.IsEmpty;

        /// <summary>The migrations read for a tenant column written as SQL (see <see cref="TenantGuardOptions.TenantColumnSql"/>).</summary>
        public MigrationSet GetMigrations(string tenantColumn)
        {
            var key = tenantColumn + "\u0001" + _migrationChecksum;
            if (s_migrationsByChecksum.TryGetValue(key, out var cached))
            {
                return cached;
            }

            if (s_migrationsByChecksum.Count > MaxCachedMigrationSets)
            {
                s_migrationsByChecksum.Clear();
            }

            return s_migrationsByChecksum.GetOrAdd(key, _ => MigrationSet.Read(_migrationFiles, tenantColumn));
        }

        public TenantSchema GetSchema(TenantGuardOptions options) =>
            _schemas.GetOrAdd(options.CacheKey, _ =>
            {
                var declared = IsSchemaDeclared(options);
                var tables = options.TenantTables.Concat(GetMigrations(options.TenantColumnSql).TenantTables).Distinct();
                return new TenantSchema(options.TenantColumnSql, tables, options.GlobalTables, assumeAllTablesTenantOwned: !declared);
            });

        public SqlCheckResult Check(FoldedSql sql, TenantGuardOptions options)
        {
            var key = (sql.HasInterpolationHoles ? "1" : "0") + options.CacheKey + "\u0002" + sql.Text;
            return _checks.GetOrAdd(key, _ => TenantSqlChecker.Check(
                sql.Text, GetSchema(options), new SqlCheckOptions { InterpolationHoles = sql.HasInterpolationHoles }));
        }

        /// <summary>The SQL at <paramref name="sink"/>, folded and checked once however many rules ask.</summary>
        public SqlAtSink? GetOrReadSql(SqlSink sink, Func<SqlSink, SqlAtSink?> read) =>
            _sqlAtSinks.GetOrAdd(sink.Call.Syntax, _ => read(sink));

        /// <summary>
        /// A data-access type without an ambient tenant accessor: its methods need a tenant parameter (TG0001).
        /// Decided once per type rather than once per method, since it walks every member of the type hierarchy.
        /// </summary>
        public bool IsUnscopedDataAccessType(INamedTypeSymbol type, TenantGuardOptions options) =>
            _unscopedDataAccessTypes
                .GetOrAdd(options, _ => new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default))
                .GetOrAdd(type, t => DataAccessTypes.IsDataAccessType(t, options) && !TenantScope.HasTenantAccessor(t, options));

        /// <summary>The application's own SQL wrappers, read on first use and kept for the compilation.</summary>
        public SqlWrapperFinder Wrappers =>
            _wrappers ?? Interlocked.CompareExchange(ref _wrappers, new SqlWrapperFinder(Compilation, Symbols), null) ?? _wrappers!;

        /// <summary>The EF Core types, resolved on first use: only TG0005 and TG0006 need them.</summary>
        public EfSymbols EfSymbols => _efSymbols ??= new EfSymbols(Compilation);

        /// <summary>
        /// The EF Core model of tenancy, read once per compilation and options however many queries ask. Built under a
        /// lock rather than in a Lazy: a build cancelled half-way is not kept, the next caller builds it again.
        /// </summary>
        public EfTenancyModel GetEfTenancy(TenantGuardOptions options, CancellationToken cancellationToken)
        {
            if (_efModels.TryGetValue(options.CacheKey, out var model))
            {
                return model;
            }

            lock (_efModelGate)
            {
                if (!_efModels.TryGetValue(options.CacheKey, out model))
                {
                    model = EfTenancyModel.Build(this, EfSymbols, options, cancellationToken);
                    _efModels[options.CacheKey] = model;
                }

                return model;
            }
        }

        /// <summary>
        /// True exactly once per compilation and rule: without a schema, the first TG0001 and the first TG0002 explain
        /// how to declare one, since either may be the first finding a new user sees (TG0900 has no location).
        /// </summary>
        public bool TakeNoSchemaHint(DiagnosticDescriptor rule) => _noSchemaHintsGiven.TryAdd(rule.Id, 0);

        private static ImmutableArray<MigrationFile> ReadMigrationFiles(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = ImmutableArray.CreateBuilder<MigrationFile>();
            foreach (var file in options.AdditionalFiles)
            {
                if (!file.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text != null)
                {
                    files.Add(new MigrationFile(file.Path, text));
                }
            }

            return files.ToImmutable();
        }

        private static string ChecksumOf(ImmutableArray<MigrationFile> files)
        {
            var builder = new StringBuilder();
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                builder.Append(file.Path).Append(':');
                foreach (var b in file.Text.GetChecksum())
                {
                    builder.Append(b.ToString("x2"));
                }

                builder.Append(';');
            }

            return builder.ToString();
        }

        private static readonly ImmutableArray<string> s_testFrameworkAssemblies = ImmutableArray.Create(
            "xunit.core", "xunit.assert", "xunit.v3.core", "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework");

        private static bool DetectTestProject(Compilation compilation, AnalyzerConfigOptions globalOptions)
        {
            if (globalOptions.TryGetValue("build_property.IsTestProject", out var isTestProject) &&
                string.Equals(isTestProject.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var assembly in compilation.ReferencedAssemblyNames)
            {
                if (s_testFrameworkAssemblies.Contains(assembly.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
