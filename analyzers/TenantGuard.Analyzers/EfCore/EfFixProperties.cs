using System.Collections.Immutable;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>What the TG0005 code fix writes, decided by the analyzer where the symbols are at hand.</summary>
    internal static class EfFixProperties
    {
        public const string TenantMember = "TenantGuard.TenantMember";
        public const string TenantValue = "TenantGuard.TenantValue";
        public const string LambdaParameter = "TenantGuard.LambdaParameter";

        public static ImmutableDictionary<string, string?> Create(string? tenantMember, string? tenantValue, string lambdaParameter)
        {
            if (tenantMember == null || tenantValue == null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            return ImmutableDictionary<string, string?>.Empty
                .Add(TenantMember, tenantMember)
                .Add(TenantValue, tenantValue)
                .Add(LambdaParameter, lambdaParameter);
        }
    }
}
