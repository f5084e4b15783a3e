using System.Threading;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Tenancy;

namespace TenantGuard.Analyzers.EfCore
{
    /// <summary>
    /// The tenant value a code fix can compare with: a local, parameter, field or property in scope named like a tenant
    /// value (tenantId, _currentTenantId) or a tenant accessor's tenant property (tenantContext.TenantId), whose type
    /// compares with the entity's tenant property.
    /// </summary>
    internal static class TenantValueInScope
    {
        public static string? Find(SemanticModel model, int position, ITypeSymbol tenantPropertyType, TenantGuardOptions options, CancellationToken cancellationToken)
        {
            string? accessorValue = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = TypeRelations.TypeOf(symbol);
                if (type == null || !(symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IFieldSymbol || symbol is IPropertySymbol))
                {
                    continue;
                }

                if ((TenantNames.IsTenantValueName(symbol.Name, options) || options.IsTenantParameterName(symbol.Name)) &&
                    Compares(model.Compilation, type, tenantPropertyType))
                {
                    return symbol.Name;
                }

                if (accessorValue == null && TenantScope.IsAccessorType(type, options))
                {
                    var member = TypeRelations.FindMember(type, name => TenantComparisons.IsTenantMemberName(name, options));
                    var memberType = member == null ? null : TypeRelations.TypeOf(member);
                    if (memberType != null && Compares(model.Compilation, memberType, tenantPropertyType))
                    {
                        accessorValue = symbol.Name + "." + member!.Name;
                    }
                }
            }

            return accessorValue;
        }

        private static bool Compares(Compilation compilation, ITypeSymbol value, ITypeSymbol property) =>
            value.TypeKind != TypeKind.Error &&
            (compilation.ClassifyCommonConversion(value, property).IsImplicit || compilation.ClassifyCommonConversion(property, value).IsImplicit);
    }
}
