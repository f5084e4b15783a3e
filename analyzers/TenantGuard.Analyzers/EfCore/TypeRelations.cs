using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.EfCore
{
    internal static class TypeRelations
    {
        /// <summary>The type itself, one of its base types or one of its interfaces (compared by original definition).</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol type, ITypeSymbol other)
        {
            var target = other.OriginalDefinition;
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                {
                    return true;
                }
            }

            if (target.TypeKind == TypeKind.Interface)
            {
                foreach (var iface in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A property or field of the type, its bases or its interfaces, whose name satisfies <paramref name="isMatch"/>.</summary>
        public static ISymbol? FindMember(ITypeSymbol type, System.Func<string, bool> isMatch)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                var member = FindDeclaredMember(current, isMatch);
                if (member != null)
                {
                    return member;
                }
            }

            foreach (var iface in type.AllInterfaces)
            {
                var member = FindDeclaredMember(iface, isMatch);
                if (member != null)
                {
                    return member;
                }
            }

            if (type is ITypeParameterSymbol parameter)
            {
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    var member = FindMember(constraint, isMatch);
                    if (member != null)
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        public static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        private static ISymbol? FindDeclaredMember(ITypeSymbol type, System.Func<string, bool> isMatch)
        {
            foreach (var member in type.GetMembers())
            {
                if ((member is IPropertySymbol || (member is IFieldSymbol field && !field.IsImplicitlyDeclared)) &&
                    !member.IsStatic && isMatch(member.Name))
                {
                    return member;
                }
            }

            return null;
        }
    }
}
