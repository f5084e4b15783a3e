using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Sinks;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// Maps an EF Core entity to the table it is stored in, by the conventions teams use: [Table("name")], the DbSet
    /// property name, the entity name, as written or in snake_case (Npgsql naming conventions), singular or plural.
    /// An entity with a property named like the tenant column (TenantId for tenant_id) is tenant-owned whatever its table.
    /// </summary>
    internal static class EntityTables
    {
        public static string? TenantTableOf(ITypeSymbol entity, string? dbSetName, TenantSchema schema, TenantGuardOptions options, SinkSymbols symbols)
        {
            foreach (var candidate in Candidates(entity, dbSetName, symbols))
            {
                if (schema.IsTenantTable(candidate))
                {
                    return candidate.ToString();
                }
            }

            var tenantProperty = options.TenantColumn.Replace("_", string.Empty);
            foreach (var member in entity.GetMembers())
            {
                if (member is IPropertySymbol && string.Equals(member.Name, tenantProperty, StringComparison.OrdinalIgnoreCase))
                {
                    return ToSnakeCase(dbSetName ?? entity.Name);
                }
            }

            return null;
        }

        private static IEnumerable<QualifiedName> Candidates(ITypeSymbol entity, string? dbSetName, SinkSymbols symbols)
        {
            foreach (var attribute in entity.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.TableAttribute) &&
                    attribute.ConstructorArguments.Length == 1 &&
                    attribute.ConstructorArguments[0].Value is string tableName)
                {
                    string? schemaName = null;
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "Schema" && named.Value.Value is string s)
                        {
                            schemaName = s;
                        }
                    }

                    yield return new QualifiedName(schemaName, tableName);
                    yield return new QualifiedName(schemaName, tableName.ToLowerInvariant());
                    yield break;
                }
            }

            foreach (var name in new[] { dbSetName, entity.Name, entity.Name + "s", entity.Name + "es" })
            {
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                yield return new QualifiedName(null, name!);
                yield return new QualifiedName(null, name!.ToLowerInvariant());
                yield return new QualifiedName(null, ToSnakeCase(name));
            }
        }

        private static string ToSnakeCase(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }
    }
}
