using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// Request and response header collections (IHeaderDictionary, HttpRequestHeaders, HttpHeaders, WebHeaderCollection)
    /// and the tenant header named in a call or indexer on one: where a literal tenant is written into, or given as the
    /// default of, the header that carries the tenant.
    /// </summary>
    internal static class TenantHeaders
    {
        // The calls that write a header or read it with a default: the name is checked before any type is looked at.
        private static readonly string[] s_valueMethods = { "Add", "TryAdd", "TryAddWithoutValidation", "Append", "Set", "GetValueOrDefault" };

        /// <summary>A call on a header collection that writes a header, or reads one with a default value.</summary>
        public static bool IsHeaderValueCall(IInvocationOperation invocation) =>
            invocation.Arguments.Length >= 2 &&
            Array.IndexOf(s_valueMethods, invocation.TargetMethod.Name) >= 0 &&
            IsHeaderCollection(Receiver(invocation)?.Type);

        public static bool IsHeaderCollection(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                var name = current.Name;
                if (name.EndsWith("Headers", StringComparison.Ordinal) ||
                    name.EndsWith("HeaderDictionary", StringComparison.Ordinal) ||
                    name.EndsWith("HeaderCollection", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The constant header name when <paramref name="key"/> names a tenant header ("X-Tenant-ID"); else null.</summary>
        public static string? TenantHeaderName(IOperation? key, TenantGuardOptions options) =>
            key != null && key.ConstantValue.HasValue && key.ConstantValue.Value is string name && TenantNames.MentionsTenant(name, options)
                ? name
                : null;

        /// <summary>
        /// The collection a call works on: its receiver, or the first argument of an extension method
        /// (headers.GetValueOrDefault("X-Tenant-ID", "acme")).
        /// </summary>
        public static IOperation? Receiver(IInvocationOperation invocation)
        {
            var receiver = invocation.Instance ??
                           (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver;
        }
    }
}
