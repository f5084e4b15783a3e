using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Common;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// For the interface and abstract or virtual methods declared in the compilation, the methods in the compilation that
    /// implement or override them. Read from symbols only (no method body is bound), once per compilation.
    /// </summary>
    internal sealed class ImplementationIndex
    {
        private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations;

        private ImplementationIndex(Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations) =>
            _implementations = implementations;

        public IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol method) =>
            _implementations.TryGetValue(method.OriginalDefinition, out var found) ? found : (IReadOnlyList<IMethodSymbol>)ImmutableArray<IMethodSymbol>.Empty;

        public static ImplementationIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var implementations = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in DeclaredTypes.Of(compilation.Assembly, cancellationToken))
            {
                if (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Struct)
                {
                    AddImplementations(type, compilation.Assembly, implementations);
                }
            }

            return new ImplementationIndex(implementations);
        }

        private static void AddImplementations(INamedTypeSymbol type, IAssemblySymbol assembly, Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations)
        {
            foreach (var iface in type.AllInterfaces)
            {
                if (!IsDeclaredIn(iface.OriginalDefinition, assembly))
                {
                    continue;
                }

                foreach (var member in iface.GetMembers())
                {
                    if (member is IMethodSymbol method &&
                        type.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation &&
                        IsDeclaredIn(implementation, assembly))
                    {
                        Add(implementations, method.OriginalDefinition, implementation.OriginalDefinition);
                    }
                }
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && method.IsOverride)
                {
                    for (var overridden = method.OverriddenMethod; overridden != null && IsDeclaredIn(overridden, assembly); overridden = overridden.OverriddenMethod)
                    {
                        Add(implementations, overridden.OriginalDefinition, method.OriginalDefinition);
                    }
                }
            }
        }

        private static void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations, IMethodSymbol key, IMethodSymbol implementation)
        {
            if (!implementations.TryGetValue(key, out var list))
            {
                list = new List<IMethodSymbol>();
                implementations[key] = list;
            }

            if (!list.Contains(implementation, SymbolEqualityComparer.Default))
            {
                list.Add(implementation);
            }
        }

        /// <summary>In this compilation: a referenced project's symbols have source in an IDE, but their trees are not ours.</summary>
        private static bool IsDeclaredIn(ISymbol symbol, IAssemblySymbol assembly) =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, assembly);
    }
}
