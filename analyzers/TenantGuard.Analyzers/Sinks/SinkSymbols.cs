using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>The library types through which SQL reaches the database, resolved once per compilation by metadata name.</summary>
    internal sealed class SinkSymbols
    {
        public SinkSymbols(Compilation compilation)
        {
            DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            DbBatchCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbBatchCommand");
            IDbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
            NpgsqlBatchCommand = compilation.GetTypeByMetadataName("Npgsql.NpgsqlBatchCommand");
            NpgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
            DapperSqlMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
            DapperCommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
            EfQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            EfDatabaseFacadeExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            EfDbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            EfDbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            TableAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.TableAttribute");
        }

        private readonly ConcurrentDictionary<ITypeSymbol, bool> _commandTypes =
            new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        public INamedTypeSymbol? DbCommand { get; }
        public INamedTypeSymbol? DbBatchCommand { get; }
        public INamedTypeSymbol? IDbCommand { get; }
        public INamedTypeSymbol? NpgsqlBatchCommand { get; }
        public INamedTypeSymbol? NpgsqlDataSource { get; }
        public INamedTypeSymbol? DapperSqlMapper { get; }
        public INamedTypeSymbol? DapperCommandDefinition { get; }
        public INamedTypeSymbol? EfQueryableExtensions { get; }
        public INamedTypeSymbol? EfDatabaseFacadeExtensions { get; }
        public INamedTypeSymbol? EfDbSet { get; }
        public INamedTypeSymbol? EfDbContext { get; }
        public INamedTypeSymbol? TableAttribute { get; }

        /// <summary>True when no library that sends SQL is referenced: the SQL rules have nothing to look at.</summary>
        public bool HasNoSqlLibrary =>
            DbCommand == null && IDbCommand == null && DapperSqlMapper == null && EfQueryableExtensions == null &&
            EfDatabaseFacadeExtensions == null && NpgsqlBatchCommand == null;

        /// <summary>Npgsql, Dapper or EF Core is referenced: the project talks to PostgreSQL and needs a schema.</summary>
        public bool HasDataAccessLibrary =>
            NpgsqlDataSource != null || NpgsqlBatchCommand != null || DapperSqlMapper != null || EfDbContext != null;

        /// <summary>A command type: derives from DbCommand / DbBatchCommand, or implements IDbCommand.</summary>
        /// <remarks>Asked for every object creation; decided once per type, since it walks bases and interfaces.</remarks>
        public bool IsCommandType(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (!_commandTypes.TryGetValue(type, out var isCommand))
            {
                isCommand = ComputeIsCommandType(type);
                _commandTypes.TryAdd(type, isCommand);
            }

            return isCommand;
        }

        private bool ComputeIsCommandType(ITypeSymbol type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbCommand) ||
                    SymbolEqualityComparer.Default.Equals(current, DbBatchCommand) ||
                    SymbolEqualityComparer.Default.Equals(current, NpgsqlBatchCommand))
                {
                    return true;
                }
            }

            if (IDbCommand != null)
            {
                // IDbCommand.CommandText itself: the property's containing type is the interface.
                if (SymbolEqualityComparer.Default.Equals(type, IDbCommand))
                {
                    return true;
                }

                foreach (var iface in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(iface, IDbCommand))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
