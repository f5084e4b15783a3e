using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// [CrossTenant("reason")] on a method or any containing type silences TG0001 and TG0002. Recognised by name in any
    /// namespace so users need no runtime dependency on TenantGuard.
    /// </summary>
    internal static class CrossTenantExemption
    {
        private const string AttributeName = "CrossTenantAttribute";

        public static bool IsExempt(ISymbol? symbol)
        {
            for (var current = symbol; current != null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol)
                {
                    return false;
                }

                if ((current is IMethodSymbol || current is INamedTypeSymbol) && HasCrossTenantAttribute(current))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasCrossTenantAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == AttributeName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
