using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// Whether a method knows its tenant: a tenant parameter (by configured name, or of a type named TenantId or an
    /// accessor type), or an ambient tenant accessor held by its type. A tenant value in a plain field does not count.
    /// </summary>
    internal static class TenantScope
    {
        /// <summary>The parameters that carry the tenant (by name, TenantId type, or accessor type).</summary>
        public static ImmutableArray<IParameterSymbol> TenantParameters(IMethodSymbol method, TenantGuardOptions options)
        {
            var tenant = ImmutableArray.CreateBuilder<IParameterSymbol>();
            foreach (var parameter in method.Parameters)
            {
                if (options.IsTenantParameterName(parameter.Name) ||
                    IsTenantIdType(parameter.Type) ||
                    IsAccessorType(parameter.Type, options))
                {
                    tenant.Add(parameter);
                }
            }

            return tenant.ToImmutable();
        }

        public static bool HasTenantAccessor(INamedTypeSymbol type, TenantGuardOptions options)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    switch (member)
                    {
                        case IFieldSymbol field when !field.IsImplicitlyDeclared && IsAccessorType(field.Type, options):
                            return true;
                        case IPropertySymbol property when IsAccessorType(property.Type, options):
                            return true;
                        case IMethodSymbol constructor when constructor.MethodKind == MethodKind.Constructor &&
                                                           IsPrimaryConstructor(constructor) &&
                                                           constructor.Parameters.Any(p => IsAccessorType(p.Type, options)):
                            return true;
                    }
                }
            }

            return false;
        }

        public static bool IsTenantIdType(ITypeSymbol type) =>
            string.Equals(Unwrap(type).Name, "TenantId", StringComparison.Ordinal);

        public static bool IsAccessorType(ITypeSymbol type, TenantGuardOptions options)
        {
            var name = Unwrap(type).Name;
            foreach (var accessor in options.TenantAccessorTypes)
            {
                var simple = accessor.Substring(accessor.LastIndexOf('.') + 1);
                if (string.Equals(simple, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Nullable&lt;T&gt;, Lazy&lt;T&gt;, Func&lt;T&gt; and the like: the tenant type is the single type argument.</summary>
        private static ITypeSymbol Unwrap(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1)
            {
                return named.TypeArguments[0];
            }

            return type;
        }

        private static bool IsPrimaryConstructor(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
