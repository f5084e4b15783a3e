using System.Collections.Immutable;
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

                start.RegisterOperationBlockStartAction(block => AnalyzeMethod(block, compilation));
            });
        }

        private static void AnalyzeMethod(OperationBlockStartAnalysisContext block, TenantGuardCompilation compilation)
        {
            if (!(block.OwningSymbol is IMethodSymbol method) ||
                !IsReachableFromOutside(method) ||
                method.ContainingType == null ||
                method.Locations.IsEmpty ||
                !method.Locations[0].IsInSource)
            {
                return;
            }

            var options = compilation.GetOptions(method.Locations[0].SourceTree!);
            var type = method.ContainingType;
            if (!compilation.IsUnscopedDataAccessType(type, options) ||
                TenantScope.HasTenantParameter(method, options) ||
                CrossTenantExemption.IsExempt(method))
            {
                return;
            }

            var touched = new TouchedTable();
            block.RegisterOperationAction(
                operation =>
                {
                    var sql = SqlAtSink.Read(operation.Operation, compilation);
                    if (sql != null && sql.Result.TenantTablesReferenced.Count > 0)
                    {
                        touched.Record(sql.Result.TenantTablesReferenced[0].ToString());
                    }
                },
                SqlSinkAnalysis.SinkOperationKinds);

            if (compilation.Symbols.EfDbSet != null)
            {
                block.RegisterOperationAction(
                    operation => RecordDbSet(operation.Operation, compilation, options, touched),
                    OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation);
            }

            block.RegisterOperationBlockEndAction(end =>
            {
                var table = touched.Table;
                if (table == null)
                {
                    return;
                }

                end.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0001,
                    method.Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(FixProperties.TenantParameter, options.FirstTenantParameterName),
                    type.Name + "." + method.Name,
                    table,
                    string.Join(", ", options.TenantParameterNames),
                    string.Join(", ", options.TenantAccessorTypes),
                    !compilation.IsSchemaDeclared(options) && compilation.TakeNoSchemaHint(Descriptors.TG0001) ? Descriptors.NoSchemaHint : string.Empty));
            });
        }

        private static void RecordDbSet(IOperation operation, TenantGuardCompilation compilation, TenantGuardOptions options, TouchedTable touched)
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
            if (table != null)
            {
                touched.Record(table);
            }
        }

        /// <summary>Public or internal methods, and explicit interface implementations (public through the interface).</summary>
        private static bool IsReachableFromOutside(IMethodSymbol method) =>
            method.MethodKind == MethodKind.ExplicitInterfaceImplementation ||
            (method.MethodKind == MethodKind.Ordinary &&
             (method.DeclaredAccessibility == Accessibility.Public ||
              method.DeclaredAccessibility == Accessibility.Internal ||
              method.DeclaredAccessibility == Accessibility.ProtectedOrInternal));

        /// <summary>The first tenant table a method touches; operation callbacks may run concurrently.</summary>
        private sealed class TouchedTable
        {
            private readonly object _gate = new object();
            private string? _table;

            public string? Table
            {
                get
                {
                    lock (_gate)
                    {
                        return _table;
                    }
                }
            }

            public void Record(string table)
            {
                lock (_gate)
                {
                    _table ??= table;
                }
            }
        }
    }
}
