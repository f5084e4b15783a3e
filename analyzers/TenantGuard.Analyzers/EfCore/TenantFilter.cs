using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// One tenant query filter of the EF Core model: which entities it covers, in which DbContext, under which name
    /// (EF Core 10 named filters), and where it was declared, for the message.
    /// </summary>
    internal sealed class TenantFilter
    {
        public TenantFilter(ITypeSymbol? target, ImmutableArray<ITypeSymbol> excluded, INamedTypeSymbol? context, string? key, string source)
        {
            Target = target;
            Excluded = excluded;
            Context = context;
            Key = key;
            Source = source;
        }

        /// <summary>The entity, or a base type or interface whose every entity is covered; null covers every entity.</summary>
        public ITypeSymbol? Target { get; }

        /// <summary>Entities a filter applied to every entity skips (typeof(IGlobalEntity).IsAssignableFrom(...) continue).</summary>
        public ImmutableArray<ITypeSymbol> Excluded { get; }

        /// <summary>The DbContext declaring the filter; null when declared outside one (an entity configuration, an attribute).</summary>
        public INamedTypeSymbol? Context { get; }

        /// <summary>The EF Core 10 filter name, when the filter is named.</summary>
        public string? Key { get; }

        /// <summary>Where the filter comes from, as the messages show it.</summary>
        public string Source { get; }

        public bool Covers(ITypeSymbol entity) =>
            !IsExcluded(entity) && (Target == null || TypeRelations.IsOrDerivesFrom(entity, Target));

        public bool IsExcluded(ITypeSymbol entity)
        {
            foreach (var excluded in Excluded)
            {
                if (TypeRelations.IsOrDerivesFrom(entity, excluded))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A filter declared in a context applies to that context and contexts deriving from it; a query typed as a
        /// base context (a module's abstract ModuleDbContext) runs on one of its subclasses, the one declaring the filter
        /// as likely as any; a query whose context is not known (a DbSet field, a plain DbContext) may run against any.
        /// </summary>
        public bool AppliesIn(INamedTypeSymbol? queryContext) =>
            Context == null || queryContext == null ||
            TypeRelations.IsOrDerivesFrom(queryContext, Context) || TypeRelations.IsOrDerivesFrom(Context, queryContext);
    }
}
