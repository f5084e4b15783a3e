using System;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// The value argument of set_config as SQL PostgreSQL accepts. set_config takes text only and there is no implicit
    /// cast from uuid or integer, so a parameter bound to a Guid or an int fails with 42883 unless it is cast to text.
    /// </summary>
    internal static class SettingValueText
    {
        public static string AsText(SqlExpression value, string valueSql)
        {
            var unwrapped = TenantPredicates.Unwrap(value);
            if ((unwrapped is LiteralExpression literal && literal.Kind == LiteralKind.String) || valueSql.StartsWith("'", StringComparison.Ordinal))
            {
                return valueSql;
            }

            if (unwrapped is CastExpression cast && IsTextType(cast.TypeName))
            {
                return valueSql;
            }

            // A bare placeholder or literal takes the cast directly; anything longer is parenthesised first.
            return unwrapped is PlaceholderExpression || unwrapped is LiteralExpression || IsSingleToken(valueSql)
                ? valueSql + "::text"
                : "(" + valueSql + ")::text";
        }

        private static bool IsTextType(string typeName)
        {
            var name = typeName.Trim();
            return string.Equals(name, "text", StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(name, "pg_catalog.text", StringComparison.OrdinalIgnoreCase) ||
                   name.StartsWith("varchar", StringComparison.OrdinalIgnoreCase) ||
                   name.StartsWith("character varying", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsSingleToken(string sql)
        {
            foreach (var ch in sql)
            {
                if (!(char.IsLetterOrDigit(ch) || ch == '_' || ch == '@' || ch == '$' || ch == ':'))
                {
                    return false;
                }
            }

            return sql.Length > 0;
        }
    }
}
