using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Analyzers.Tenancy;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0001: a public or internal method of a data-access type touches a tenant-owned table (through SQL or a DbSet)
    /// but receives no tenant and its type holds no tenant accessor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0001DataAccessMethodWithoutTenantScope : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0001);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = TenantGuardCompilation.Get(start.Compilation, start.Options, start.CancellationToken);
                if (compilation.Symbols.HasNoSqlLibrary && compilation.Symbols.EfDbSet == null)
                {
                    return;
                }

                // The type decides whether any of its methods can be reported: walk operations only in data-access
                // types without a tenant accessor, instead of in every method body of the compilation.
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        var type = (INamedTypeSymbol)symbolStart.Symbol;
                        if (MayHaveUnscopedMethods(type, compilation))
                        {
                            symbolStart.RegisterOperationBlockStartAction(block => AnalyzeMethod(block, type, compilation));
                        }
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>
        /// True when the type is an unscoped data-access type under the options of any file declaring it (a partial
        /// type may span files with different .editorconfig sections; each method is then judged by its own file).
        /// </summary>
        private static bool MayHaveUnscopedMethods(INamedTypeSymbol type, TenantGuardCompilation compilation)
        {
            foreach (var location in type.Locations)
            {
                if (location.IsInSource &&
                    compilation.IsUnscopedDataAccessType(type, compilation.GetOptions(location.SourceTree!)))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeMethod(OperationBlockStartAnalysisContext block, INamedTypeSymbol type, TenantGuardCompilation compilation)
        {
            // Roslyn may also hand a nested type's methods to its containing type's actions: each type analyzes only its own.
            if (!(block.OwningSymbol is IMethodSymbol method) ||
                !IsReachableFromOutside(method) ||
                !SymbolEqualityComparer.Default.Equals(method.ContainingType, type) ||
                method.Locations.IsEmpty ||
                !method.Locations[0].IsInSource)
            {
                return;
            }

            var options = compilation.GetOptions(method.Locations[0].SourceTree!);
            if (!compilation.IsUnscopedDataAccessType(type, options) || compilation.IsExemptTestCode(options) || CrossTenantExemption.IsExempt(method))
            {
                return;
            }

            // A tenant parameter scopes the method only if the method reads it: one nothing uses (as a code fix that
            // only adds it would leave) lets the query read every tenant.
            var tenantParameters = TenantScope.TenantParameters(method, options);
            var used = new UsedParameters();
            if (tenantParameters.Length > 0)
            {
                block.RegisterOperationAction(
                    operation =>
                    {
                        var parameter = ((IParameterReferenceOperation)operation.Operation).Parameter;
                        if (tenantParameters.Contains(parameter, SymbolEqualityComparer.Default))
                        {
                            used.Mark();
                        }
                    },
                    OperationKind.ParameterReference);
            }

            var accesses = new TenantDataAccesses();
            block.RegisterOperationAction(
                operation =>
                {
                    var sql = SqlAtSink.Read(operation.Operation, compilation, operation.CancellationToken);
                    if (sql != null && !sql.Sql.IsPartial && sql.Result.TenantTablesReferenced.Count > 0)
                    {
                        accesses.RecordSql(sql.Result.TenantTablesReferenced[0].ToString(), sql);
                    }
                },
                SqlSinkAnalysis.SinkOperationKinds);

            if (compilation.Symbols.EfDbSet != null)
            {
                block.RegisterOperationAction(
                    operation => RecordDbSet(operation.Operation, compilation, options, accesses),
                    OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation);
            }

            block.RegisterOperationBlockEndAction(end =>
            {
                var table = accesses.Table;
                if (table == null || (tenantParameters.Length > 0 && used.Any))
                {
                    return;
                }

                // The fix adds a tenant parameter and filters the one query by it: not offered to a method that has a
                // tenant parameter it does not use, nor where the query's shape gives the value no safe way in.
                var fix = tenantParameters.Length == 0
                    ? TenantParameterFixPlan.For(accesses, options, compilation, end.CancellationToken)
                    : TenantParameterFixPlan.None;
                var why = tenantParameters.Length == 0
                    ? $"has neither a tenant parameter ({string.Join(", ", options.TenantParameterNames)}) nor a tenant accessor ({string.Join(", ", options.TenantAccessorTypes)})"
                    : $"never uses its tenant parameter '{tenantParameters[0].Name}'";
                end.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0001,
                    method.Locations[0],
                    fix.QueryLocation == null ? null : new[] { fix.QueryLocation },
                    fix.Properties,
                    type.Name + "." + method.Name,
                    table,
                    why,
                    !compilation.IsSchemaDeclared(options) && compilation.TakeNoSchemaHint(Descriptors.TG0001) ? Descriptors.NoSchemaHint : string.Empty));
            });
        }

        private static void RecordDbSet(IOperation operation, TenantGuardCompilation compilation, TenantGuardOptions options, TenantDataAccesses accesses)
        {
            if (!(operation.Type is INamedTypeSymbol type) ||
                !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, compilation.Symbols.EfDbSet) ||
                type.TypeArguments.Length != 1)
            {
                return;
            }

            string? dbSetName = null;
            if (operation is IPropertyReferenceOperation property)
            {
                dbSetName = property.Property.Name;
            }
            else if (operation is IFieldReferenceOperation field)
            {
                dbSetName = field.Field.Name;
            }

            var table = EntityTables.TenantTableOf(type.TypeArguments[0], dbSetName, compilation.GetSchema(options), options, compilation.Symbols);
            if (table != null && NeedsScope(operation, type.TypeArguments[0], compilation, options))
            {
                accesses.RecordQueryRoot(table, operation, type.TypeArguments[0]);
            }
        }

        /// <summary>
        /// Whether a DbSet's queries need the method to know the tenant: not when the EF model says the entity is not
        /// tenant-owned (a global entity its tenant filter loop skips on purpose, an entity without a tenant property),
        /// and not when a DbContext's query filter binds it to the tenant — the filter applies to every query through
        /// it (TG0005 reports a query that switches it off) — nor when the context is one whose filters this
        /// compilation cannot read.
        /// </summary>
        private static bool NeedsScope(IOperation operation, ITypeSymbol entity, TenantGuardCompilation compilation, TenantGuardOptions options)
        {
            var model = compilation.GetEfTenancy(options, CancellationToken.None);
            if (!model.IsTenantOwned(entity))
            {
                return false;
            }

            var context = EfCore.QueryRoots.ContextOf(operation, compilation.EfSymbols);
            return model.FindFilter(entity, context) == null && !model.FiltersOutOfSight(context);
        }

        /// <summary>Public or internal methods, and explicit interface implementations (public through the interface).</summary>
        private static bool IsReachableFromOutside(IMethodSymbol method) =>
            method.MethodKind == MethodKind.ExplicitInterfaceImplementation ||
            (method.MethodKind == MethodKind.Ordinary &&
             (method.DeclaredAccessibility == Accessibility.Public ||
              method.DeclaredAccessibility == Accessibility.Internal ||
              method.DeclaredAccessibility == Accessibility.ProtectedOrInternal));

        /// <summary>Whether any tenant parameter is read; operation callbacks may run concurrently.</summary>
        private sealed class UsedParameters
        {
            private int _used;

            public bool Any => Volatile.Read(ref _used) != 0;

            public void Mark() => Interlocked.Exchange(ref _used, 1);
        }
    }
}
