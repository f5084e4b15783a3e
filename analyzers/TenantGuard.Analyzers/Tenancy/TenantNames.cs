using System;
using Microsoft.CodeAnalysis;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// Tells a symbol that holds a tenant value (DEFAULT_TENANT_ID, FallbackTenant, teamId) from one that merely names
    /// where a tenant is found (TenantHeader, TenantClaimType, TenantConfigKey), and a literal tenant value from a header
    /// name, claim type, configuration key or setting name.
    /// </summary>
    internal static class TenantNames
    {
        private static readonly string[] s_notAValue =
        {
            "header", "claim", "key", "column", "setting", "config", "policy", "route", "path", "param", "prefix",
            "sql", "url", "message", "format", "table", "count", "cache", "option", "section", "env", "variable",
            "query", "field", "label", "type", "schema", "description", "title", "display", "cookie", "scope",
            "role", "permission", "tag", "metric", "topic", "queue", "channel", "attribute", "property", "pattern",
            "template", "error", "event",
        };

        // Words that qualify which tenant a name holds (DefaultTenant, FallbackTenantId, GetTeamId, s_tenant)...
        private static readonly string[] s_valuePrefixes =
        {
            "default", "fallback", "current", "fixed", "static", "global", "system", "initial", "test",
            "demo", "seed", "placeholder", "main", "primary", "root", "admin", "platform", "dev", "prod", "local",
            "effective", "resolved", "active", "selected", "target", "fake", "sample", "example", "my", "our", "get",
            "resolve", "read", "find", "load", "s", "m",
        };

        // ...and the forms the value takes (TenantId, TenantSlug, TenantGuid).
        private static readonly string[] s_valueSuffixes = { "id", "ids", "identifier", "slug", "code", "name", "uuid", "guid", "value" };

        /// <summary>
        /// A name for a tenant value: a tenant word (tenant, a configured parameter name, the tenant column) with only
        /// qualifying prefixes and a value suffix around it. CrossTenantRead or InsertIntoOtherTenant are not.
        /// </summary>
        public static bool IsTenantValueName(string name, TenantGuardOptions options)
        {
            // Asked for every argument, local and assignment, and the same few names recur in every file.
            var decided = options.TenantValueNames;
            if (!decided.TryGetValue(name, out var isValueName))
            {
                isValueName = ComputeIsTenantValueName(name, options);
                decided.TryAdd(name, isValueName);
            }

            return isValueName;
        }

        private static bool ComputeIsTenantValueName(string name, TenantGuardOptions options)
        {
            var normalized = Normalize(name);
            if (!ContainsTenantWord(normalized, options))
            {
                return false;
            }

            foreach (var word in s_notAValue)
            {
                if (normalized.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return false;
                }
            }

            return MatchesValueShape(normalized, 0, options);
        }

        private static bool MatchesValueShape(string normalized, int start, TenantGuardOptions options)
        {
            var rest = normalized.Substring(start);
            foreach (var word in TenantWords(options))
            {
                if (rest.StartsWith(word, StringComparison.Ordinal) && IsValueTail(rest.Substring(word.Length)))
                {
                    return true;
                }
            }

            foreach (var prefix in s_valuePrefixes)
            {
                if (rest.Length > prefix.Length && rest.StartsWith(prefix, StringComparison.Ordinal) &&
                    MatchesValueShape(normalized, start + prefix.Length, options))
                {
                    return true;
                }
            }

            return false;
        }

        // DefaultTenantIdForDev, TenantIdInTests: a qualifier may follow the value.
        private static readonly string[] s_qualifiers = { "for", "in", "when", "if", "during", "on" };

        /// <summary>What may follow the tenant word: nothing, a value suffix, then optionally a qualifier.</summary>
        private static bool IsValueTail(string tail)
        {
            foreach (var suffix in s_valueSuffixes)
            {
                if (tail.StartsWith(suffix, StringComparison.Ordinal))
                {
                    var afterSuffix = tail.Substring(suffix.Length);
                    if (afterSuffix.Length == 0 || StartsWithQualifier(afterSuffix))
                    {
                        return true;
                    }
                }
            }

            return tail.Length == 0 || StartsWithQualifier(tail);
        }

        private static bool StartsWithQualifier(string text)
        {
            foreach (var qualifier in s_qualifiers)
            {
                if (text.Length > qualifier.Length && text.StartsWith(qualifier, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static System.Collections.Generic.IEnumerable<string> TenantWords(TenantGuardOptions options)
        {
            yield return "tenant";
            var column = Normalize(options.TenantColumn);
            yield return column;
            if (column.EndsWith("id", StringComparison.Ordinal) && column.Length > 2)
            {
                yield return column.Substring(0, column.Length - 2);
            }

            foreach (var parameterName in options.TenantParameterNames)
            {
                var word = Normalize(parameterName);
                if (word.Length > 0)
                {
                    yield return word;
                }
            }
        }

        // A type holding names of things, not values: EmailMetadataKeys, HeaderNames, TenantClaimTypes, CacheKeys.
        private static readonly string[] s_nameCatalogWords =
        {
            "key", "header", "claim", "column", "route", "cookie", "policy", "permission", "metric", "tag", "topic", "queue",
        };

        /// <summary>A class of constants naming keys, headers or claims: its "TenantName" is the key's name, not a tenant.</summary>
        public static bool IsNameCatalog(INamedTypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            var normalized = Normalize(type.Name);
            foreach (var word in s_nameCatalogWords)
            {
                if (normalized.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>TenantName = "TenantName", tenant_id = "tenant-id": a constant spelling its own name is a key, not a tenant.</summary>
        public static bool IsOwnName(string literalSource, string holderName) =>
            Normalize(literalSource.Trim('"', '@', '$')) == Normalize(holderName);

        /// <summary>DefaultTenantId, DEFAULT_TENANT_ID: a name for an identifier, where a number is a tenant too.</summary>
        public static bool IsTenantIdName(string name, TenantGuardOptions options) =>
            IsTenantValueName(name, options) && Normalize(name).EndsWith("id", StringComparison.Ordinal);

        /// <summary>A string that could only be a tenant value, not a header, claim type, key or setting name.</summary>
        public static bool IsTenantValueLiteral(string value, TenantGuardOptions options)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0 ||
                trimmed.StartsWith("x-", StringComparison.OrdinalIgnoreCase) ||
                trimmed.IndexOf("://", StringComparison.Ordinal) >= 0 ||
                trimmed.IndexOf(':') >= 0 ||
                trimmed.IndexOf('{') >= 0 ||
                trimmed.IndexOf('/') >= 0 ||
                trimmed.StartsWith("app.", StringComparison.OrdinalIgnoreCase) ||
                HasWhitespace(trimmed))
            {
                return false;
            }

            var normalized = Normalize(trimmed);
            if (normalized == "tenant" || normalized == "tenantid" || normalized == "tid" ||
                normalized == Normalize(options.TenantColumn))
            {
                return false;
            }

            foreach (var parameterName in options.TenantParameterNames)
            {
                if (normalized == Normalize(parameterName))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A literal that names where a tenant is found: "X-Tenant-ID", "tenant_id", "app.current_tenant".</summary>
        public static bool MentionsTenant(string value, TenantGuardOptions options) =>
            ContainsTenantWord(Normalize(value), options);

        private static bool ContainsTenantWord(string normalized, TenantGuardOptions options)
        {
            if (normalized.IndexOf("tenant", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            foreach (var parameterName in options.TenantParameterNames)
            {
                var word = Normalize(parameterName);
                if (word.Length > 0 && normalized.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            var column = Normalize(options.TenantColumn);
            return column.Length > 0 && normalized.IndexOf(column, StringComparison.Ordinal) >= 0;
        }

        private static string Normalize(string name)
        {
            var chars = new char[name.Length];
            var length = 0;
            foreach (var c in name)
            {
                if (c != '_' && c != '-' && c != '@')
                {
                    chars[length++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, length);
        }

        private static bool HasWhitespace(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
