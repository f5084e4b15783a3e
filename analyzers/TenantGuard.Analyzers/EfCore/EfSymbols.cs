using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>The EF Core types the tenancy model and TG0005/TG0006 look for, resolved once per compilation.</summary>
    internal sealed class EfSymbols
    {
        public EfSymbols(Compilation compilation)
        {
            DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            QueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        }

        public INamedTypeSymbol? DbContext { get; }
        public INamedTypeSymbol? DbSet { get; }
        public INamedTypeSymbol? QueryableExtensions { get; }
        public INamedTypeSymbol? Queryable { get; }
        public INamedTypeSymbol? Enumerable { get; }

        /// <summary>EF Core is referenced: there are DbContexts whose model can be read.</summary>
        public bool IsAvailable => DbContext != null && DbSet != null;

        public bool IsDbSet(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.TypeArguments.Length == 1 &&
            SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, DbSet);

        /// <summary>A type deriving from DbContext (DbContext itself included).</summary>
        public bool IsDbContext(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A LINQ operator: Queryable, Enumerable or EF Core's async and query-shaping extensions.</summary>
        public bool IsQueryOperator(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return SymbolEqualityComparer.Default.Equals(type, Queryable) ||
                   SymbolEqualityComparer.Default.Equals(type, Enumerable) ||
                   SymbolEqualityComparer.Default.Equals(type, QueryableExtensions) ||
                   (type != null && type.Name == "RelationalQueryableExtensions" && method.Name.StartsWith("Execute", System.StringComparison.Ordinal));
        }

        public bool IsIgnoreQueryFilters(IMethodSymbol method) =>
            method.Name == "IgnoreQueryFilters" &&
            SymbolEqualityComparer.Default.Equals(method.ContainingType, QueryableExtensions);
    }
}
