using System;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// TG0004 facts: custom (dotted) settings set at session scope, by SET or set_config(…, false), and SET LOCAL given
    /// a placeholder (SET takes no parameters).
    /// </summary>
    internal static class SessionSettingDetector
    {
        public static SessionScopedSetting? FromSet(SetStatement set, string text, string statementText)
        {
            if (set.IsReset || set.Name.IndexOf('.') < 0 || set.Values.Count != 1 || IsCleared(set.Values[0]))
            {
                return null;
            }

            var value = TenantPredicates.Unwrap(set.Values[0]);
            var valueSql = ValueSql(value, text);
            var suggestion = "SELECT set_config('" + set.Name + "', " + SettingValueText.AsText(value, valueSql) + ", true)";
            if (set.Scope == SettingScope.Local)
            {
                return value is PlaceholderExpression
                    ? new SessionScopedSetting(SessionSettingKind.SetLocalWithPlaceholder, set.Name, set.Start, set.End - set.Start, statementText, suggestion)
                    : null;
            }

            return new SessionScopedSetting(SessionSettingKind.SessionScopedSet, set.Name, set.Start, set.End - set.Start, statementText, suggestion);
        }

        public static SessionScopedSetting? FromSetConfig(FunctionCallExpression call, string text, string statementText)
        {
            if (call.Name != "set_config" || (call.Schema != null && call.Schema != "pg_catalog") || call.Arguments.Count != 3)
            {
                return null;
            }

            if (!IsFalse(call.Arguments[2]) || IsCleared(call.Arguments[1]))
            {
                return null;
            }

            // A literal name must be a custom (dotted) setting; a name given as a parameter or expression may be one.
            var nameArgument = call.Arguments[0];
            string settingName;
            if (StripCasts(nameArgument) is LiteralExpression name && name.Kind == LiteralKind.String)
            {
                if (name.Value.IndexOf('.') < 0)
                {
                    return null;
                }

                settingName = name.Value;
                nameArgument = name;
            }
            else
            {
                settingName = text.Substring(nameArgument.Start, nameArgument.End - nameArgument.Start);
            }

            var value = call.Arguments[1];
            var nameSql = text.Substring(nameArgument.Start, nameArgument.End - nameArgument.Start);
            var valueSql = SettingValueText.AsText(value, text.Substring(value.Start, value.End - value.Start));
            var suggestion = "SELECT set_config(" + nameSql + ", " + valueSql + ", true)";
            return new SessionScopedSetting(SessionSettingKind.SetConfigNotLocal, settingName, call.Start, call.End - call.Start, statementText, suggestion);
        }

        /// <summary>
        /// NULL, '' or DEFAULT: the setting is cleared (a connection handed back without a tenant), which carries no
        /// tenant to the next request.
        /// </summary>
        private static bool IsCleared(SqlExpression value) =>
            StripCasts(value) is LiteralExpression literal &&
            (literal.Kind == LiteralKind.Null || literal.Kind == LiteralKind.Default ||
             (literal.Kind == LiteralKind.String && literal.Value.Length == 0));

        /// <summary>false, 'f', 'false', 'off', 'no', 0, optionally cast (0::bool, 'false'::boolean).</summary>
        private static bool IsFalse(SqlExpression expression)
        {
            if (!(StripCasts(expression) is LiteralExpression literal))
            {
                return false;
            }

            switch (literal.Kind)
            {
                case LiteralKind.Boolean:
                    return literal.Value == "false";
                case LiteralKind.Number:
                    return literal.Value == "0";
                case LiteralKind.String:
                    var value = literal.Value.Trim();
                    return string.Equals(value, "f", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(value, "off", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(value, "no", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(value, "n", StringComparison.OrdinalIgnoreCase) ||
                           value == "0";
                default:
                    return false;
            }
        }

        private static SqlExpression StripCasts(SqlExpression expression)
        {
            expression = TenantPredicates.Unwrap(expression);
            while (expression is CastExpression cast)
            {
                expression = TenantPredicates.Unwrap(cast.Operand);
            }

            return expression;
        }

        /// <summary>The value as set_config's text argument: placeholders and literals as written, bare words quoted.</summary>
        private static string ValueSql(SqlExpression value, string text)
        {
            switch (value)
            {
                case LiteralExpression literal when literal.Kind == LiteralKind.String:
                    return text.Substring(value.Start, value.End - value.Start);
                case LiteralExpression literal:
                    return "'" + literal.Value.Replace("'", "''") + "'";
                default:
                    return text.Substring(value.Start, value.End - value.Start);
            }
        }
    }
}
