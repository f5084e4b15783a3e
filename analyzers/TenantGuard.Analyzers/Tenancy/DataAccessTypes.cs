using System;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>Which types are data-access types: by name suffix, by an interface so named, or by configuration.</summary>
    internal static class DataAccessTypes
    {
        private static readonly string[] s_suffixes = { "Repository", "Store", "Dao", "Queries" };

        public static bool IsDataAccessType(INamedTypeSymbol type, TenantGuardOptions options)
        {
            if (HasDataAccessName(type.Name) || IsConfigured(type, options))
            {
                return true;
            }

            foreach (var iface in type.AllInterfaces)
            {
                if (HasDataAccessName(iface.Name) || IsConfigured(iface, options))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasDataAccessName(string name)
        {
            foreach (var suffix in s_suffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsConfigured(INamedTypeSymbol type, TenantGuardOptions options)
        {
            if (options.DataAccessTypes.IsEmpty)
            {
                return false;
            }

            var fullName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
            foreach (var configured in options.DataAccessTypes)
            {
                if (string.Equals(configured, type.Name, StringComparison.Ordinal) ||
                    string.Equals(configured, fullName, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
