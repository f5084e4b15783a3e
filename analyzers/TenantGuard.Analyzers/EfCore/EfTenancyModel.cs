using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Common;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Analyzers.Tenancy;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// The EF Core model of tenancy of one compilation: which entities are tenant-owned and which tenant query filters
    /// cover them in which DbContext. Built once per compilation and options (see <see cref="TenantGuardCompilation"/>).
    /// </summary>
    internal sealed class EfTenancyModel
    {
        private readonly TenantGuardOptions _options;
        private readonly TenantSchema? _schema;
        private readonly SinkSymbols _sinkSymbols;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _tenantOwned =
            new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly IAssemblySymbol _assembly;
        private readonly bool _declaresDbContext;

        private EfTenancyModel(
            EfSymbols symbols, SinkSymbols sinkSymbols, TenantGuardOptions options, TenantSchema? schema, ImmutableArray<TenantFilter> filters,
            IAssemblySymbol assembly, bool declaresDbContext)
        {
            Symbols = symbols;
            _assembly = assembly;
            _declaresDbContext = declaresDbContext;
            _sinkSymbols = sinkSymbols;
            _options = options;
            _schema = schema;
            Filters = filters;
        }

        public EfSymbols Symbols { get; }

        public ImmutableArray<TenantFilter> Filters { get; }

        /// <summary>
        /// Reads the filters of the compilation. The schema is used only when one is declared: without it every table
        /// counts as tenant-owned, which says nothing about which entities are.
        /// </summary>
        public static EfTenancyModel Build(TenantGuardCompilation compilation, EfSymbols symbols, TenantGuardOptions options, CancellationToken cancellationToken)
        {
            var filters = symbols.IsAvailable
                ? TenantFilterCollector.Collect(compilation.Compilation, symbols, options, cancellationToken)
                : ImmutableArray<TenantFilter>.Empty;
            var schema = compilation.IsSchemaDeclared(options) ? compilation.GetSchema(options) : null;
            var assembly = compilation.Compilation.Assembly;
            var declaresDbContext = symbols.IsAvailable && DeclaredTypes.Of(assembly, cancellationToken).Any(symbols.IsDbContext);
            return new EfTenancyModel(symbols, compilation.Symbols, options, schema, filters, assembly, declaresDbContext);
        }

        /// <summary>
        /// Whether the filters of the DbContext a query runs on are out of this compilation's sight: the context is
        /// declared in a referenced project (its OnModelCreating is metadata to the build), or the query's context is not
        /// known and this compilation declares no DbContext at all (a repository layer over another project's context).
        /// Such a context is assumed to filter its tenant-owned entities by tenant: TG0001 and TG0006 stay silent on it,
        /// and TG0005 reports switching its filters off.
        /// </summary>
        public bool FiltersOutOfSight(INamedTypeSymbol? queryContext) =>
            queryContext != null
                ? !SymbolEqualityComparer.Default.Equals(queryContext.ContainingAssembly, _assembly)
                : !_declaresDbContext;

        /// <summary>The tenant filter covering <paramref name="entity"/> in <paramref name="context"/> (null: not known), if any.</summary>
        public TenantFilter? FindFilter(ITypeSymbol entity, INamedTypeSymbol? context)
        {
            foreach (var filter in Filters)
            {
                if (filter.AppliesIn(context) && filter.Covers(entity))
                {
                    return filter;
                }
            }

            return null;
        }

        /// <summary>
        /// Tenant-owned: a tenant property (own, inherited or from an interface), a tenant table in the declared schema,
        /// or a tenant filter that covers it (Finbuckle keeps the tenant in a shadow property); not an entity the
        /// model's tenant filter skips on purpose.
        /// </summary>
        public bool IsTenantOwned(ITypeSymbol entity) => _tenantOwned.GetOrAdd(entity, ComputeIsTenantOwned);

        /// <summary>The entity's tenant property (TenantId), when it has one in code.</summary>
        public ISymbol? TenantMember(ITypeSymbol entity) =>
            TypeRelations.FindMember(entity, name => TenantComparisons.IsTenantMemberName(name, _options));

        private bool ComputeIsTenantOwned(ITypeSymbol entity)
        {
            if (entity is ITypeParameterSymbol || entity.TypeKind == TypeKind.Error)
            {
                return false;
            }

            // Skipped by a filter applied to every entity (typeof(IGlobalEntity)... continue): declared global.
            foreach (var filter in Filters)
            {
                if (filter.IsExcluded(entity))
                {
                    return false;
                }
            }

            if (TenantMember(entity) != null || FindFilter(entity, null) != null)
            {
                return true;
            }

            return _schema != null && EntityTables.TenantTableOf(entity, null, _schema, _options, _sinkSymbols) != null;
        }
    }
}
