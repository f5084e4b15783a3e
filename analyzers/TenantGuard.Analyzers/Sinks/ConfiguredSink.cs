using System;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// One entry of tenantguard.sql_sinks: Namespace.Type.Method, optionally Namespace.Type.Method(sqlParameter).
    /// Without a parameter name the method's first string or FormattableString parameter carries the SQL.
    /// </summary>
    internal sealed class ConfiguredSink
    {
        private ConfiguredSink(string typeName, string methodName, string? parameterName)
        {
            TypeName = typeName;
            MethodName = methodName;
            ParameterName = parameterName;
        }

        public string TypeName { get; }
        public string MethodName { get; }
        public string? ParameterName { get; }

        public override string ToString() => TypeName + "." + MethodName + (ParameterName == null ? string.Empty : "(" + ParameterName + ")");

        /// <summary>The entry written as text, or null when it is not Type.Method or Type.Method(parameter).</summary>
        public static ConfiguredSink? Parse(string text)
        {
            var name = text.Trim();
            string? parameter = null;
            var open = name.IndexOf('(');
            if (open >= 0)
            {
                if (!name.EndsWith(")", StringComparison.Ordinal))
                {
                    return null;
                }

                parameter = name.Substring(open + 1, name.Length - open - 2).Trim();
                name = name.Substring(0, open).Trim();
                if (!TenantGuardOptions.IsIdentifier(parameter))
                {
                    return null;
                }
            }

            var lastDot = name.LastIndexOf('.');
            if (lastDot <= 0 || lastDot == name.Length - 1)
            {
                return null;
            }

            var typeName = name.Substring(0, lastDot);
            var methodName = name.Substring(lastDot + 1);
            foreach (var part in typeName.Split('.'))
            {
                if (!TenantGuardOptions.IsIdentifier(part))
                {
                    return null;
                }
            }

            return TenantGuardOptions.IsIdentifier(methodName) ? new ConfiguredSink(typeName, methodName, parameter) : null;
        }

        /// <summary>True for this method, whatever its generic arguments; the type is compared by its full name.</summary>
        public bool Matches(IMethodSymbol method) =>
            method.Name == MethodName &&
            method.ContainingType != null &&
            string.Equals(FullName(method.ContainingType.OriginalDefinition), TypeName, StringComparison.Ordinal);

        /// <summary>The parameter that carries the SQL: the named one, else the first text parameter.</summary>
        public IParameterSymbol? SqlParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (ParameterName == null ? SqlWrapperFinder.IsTextType(parameter.Type) : parameter.Name == ParameterName)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static string FullName(INamedTypeSymbol type)
        {
            var name = type.Name;
            for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
            {
                name = outer.Name + "." + name;
            }

            var ns = type.ContainingNamespace;
            return ns == null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }
    }
}
