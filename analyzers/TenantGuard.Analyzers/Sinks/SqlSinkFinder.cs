using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// Recognises the calls that send SQL. The SQL argument is found by its parameter symbol, never by position, so
    /// named arguments and reduced or unreduced extension calls are handled alike.
    /// </summary>
    internal static class SqlSinkFinder
    {
        private static readonly ImmutableHashSet<string> s_efRawMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "FromSqlRaw", "SqlQueryRaw", "ExecuteSqlRaw", "ExecuteSqlRawAsync");

        private static readonly ImmutableHashSet<string> s_efInterpolatedMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "FromSql", "FromSqlInterpolated", "SqlQuery", "ExecuteSql", "ExecuteSqlAsync",
            "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync");

        public static SqlSink? Find(IOperation operation, SinkSymbols symbols)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return FromInvocation(invocation, symbols);
                case IObjectCreationOperation creation:
                    return FromCreation(creation, symbols);
                case ISimpleAssignmentOperation assignment:
                    return FromAssignment(assignment, symbols);
                default:
                    return null;
            }
        }

        private static SqlSink? FromInvocation(IInvocationOperation invocation, SinkSymbols symbols)
        {
            // Most calls are not sinks: the name rules them out before any symbol is compared.
            if (!CanBeSinkName(invocation.TargetMethod.Name))
            {
                return null;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type == null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, symbols.DapperSqlMapper) &&
                (method.Name.StartsWith("Query", StringComparison.Ordinal) || method.Name.StartsWith("Execute", StringComparison.Ordinal)))
            {
                return Sink(SinkKind.Dapper, invocation, invocation.Arguments, "sql");
            }

            if (SymbolEqualityComparer.Default.Equals(type, symbols.EfQueryableExtensions) ||
                SymbolEqualityComparer.Default.Equals(type, symbols.EfDatabaseFacadeExtensions))
            {
                if (s_efRawMethods.Contains(method.Name))
                {
                    return Sink(SinkKind.EfCoreRaw, invocation, invocation.Arguments, "sql");
                }

                if (s_efInterpolatedMethods.Contains(method.Name))
                {
                    return Sink(SinkKind.EfCoreInterpolated, invocation, invocation.Arguments, "sql");
                }

                return null;
            }

            if (method.Name == "CreateCommand" && InheritsFrom(type, symbols.NpgsqlDataSource))
            {
                return Sink(SinkKind.DataSourceCreateCommand, invocation, invocation.Arguments, "commandText");
            }

            return null;
        }

        /// <summary>The names every sink below has: Dapper's Query*/Execute*, EF Core's raw SQL methods, CreateCommand.</summary>
        private static bool CanBeSinkName(string name) =>
            name.StartsWith("Query", StringComparison.Ordinal) ||
            name.StartsWith("Execute", StringComparison.Ordinal) ||
            name.StartsWith("FromSql", StringComparison.Ordinal) ||
            name.StartsWith("SqlQuery", StringComparison.Ordinal) ||
            name == "CreateCommand";

        private static SqlSink? FromCreation(IObjectCreationOperation creation, SinkSymbols symbols)
        {
            if (creation.Constructor == null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, symbols.DapperCommandDefinition))
            {
                return Sink(SinkKind.DapperCommandDefinition, creation, creation.Arguments, "commandText");
            }

            if (symbols.IsCommandType(creation.Type))
            {
                return Sink(SinkKind.CommandConstructor, creation, creation.Arguments, "cmdText")
                    ?? Sink(SinkKind.CommandConstructor, creation, creation.Arguments, "commandText");
            }

            return null;
        }

        private static SqlSink? FromAssignment(ISimpleAssignmentOperation assignment, SinkSymbols symbols)
        {
            if (assignment.Target is IPropertyReferenceOperation property &&
                property.Property.Name == "CommandText" &&
                symbols.IsCommandType(property.Property.ContainingType))
            {
                return new SqlSink(SinkKind.CommandTextAssignment, assignment, assignment.Value);
            }

            return null;
        }

        private static SqlSink? Sink(SinkKind kind, IOperation call, ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter != null &&
                    parameter.Name == parameterName &&
                    argument.ArgumentKind == ArgumentKind.Explicit &&
                    IsTextParameter(parameter.Type))
                {
                    return new SqlSink(kind, call, argument.Value);
                }
            }

            return null;
        }

        private static bool IsTextParameter(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String ||
            (type.Name == "FormattableString" && type.ContainingNamespace?.Name == "System");

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
        {
            if (baseType == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
