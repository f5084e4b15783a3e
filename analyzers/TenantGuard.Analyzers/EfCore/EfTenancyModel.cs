using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
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

        private EfTenancyModel(EfSymbols symbols, SinkSymbols sinkSymbols, TenantGuardOptions options, TenantSchema? schema, ImmutableArray<TenantFilter> filters)
        {
            Symbols = symbols;
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
            return new EfTenancyModel(symbols, compilation.Symbols, options, schema, filters);
        }

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
