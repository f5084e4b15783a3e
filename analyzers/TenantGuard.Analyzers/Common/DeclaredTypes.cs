using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Common
{
    /// <summary>The named types an assembly declares, nested ones included, walked from symbols (no method body is bound).</summary>
    internal static class DeclaredTypes
    {
        public static IEnumerable<INamedTypeSymbol> Of(IAssemblySymbol assembly, CancellationToken cancellationToken)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        pending.Push(container);
                    }

                    if (member is INamedTypeSymbol type)
                    {
                        yield return type;
                    }
                }
            }
        }
    }
}
