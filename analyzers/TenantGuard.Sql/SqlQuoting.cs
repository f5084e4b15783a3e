using System.Text;
using TenantGuard.Sql.Lexing;

namespace TenantGuard.Sql
{
    /// <summary>Quoting that matches PostgreSQL's own quote_ident and quote_literal, for SQL text the project writes.</summary>
    public static class SqlQuoting
    {
        /// <summary>
        /// The name as quote_ident prints it: bare when it is lower-case ASCII letters, digits and underscores starting
        /// with a letter or underscore and is not a keyword of any category but unreserved; otherwise in double quotes.
        /// </summary>
        public static string QuoteIdentifier(string name)
        {
            name = name ?? string.Empty;
            return IsBare(name) ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
        }

        /// <summary>schema.name, each part quoted as needed.</summary>
        public static string QuoteQualifiedName(string schema, string name) => QuoteIdentifier(schema) + "." + QuoteIdentifier(name);

        /// <summary>
        /// The value as quote_literal prints it: single quotes doubled, and an E'…' literal with doubled backslashes when
        /// the value holds a backslash, so it reads the same whatever standard_conforming_strings is.
        /// </summary>
        public static string QuoteLiteral(string value)
        {
            value = value ?? string.Empty;
            var builder = new StringBuilder(value.Length + 3);
            if (value.IndexOf('\\') >= 0)
            {
                builder.Append('E');
            }

            builder.Append('\'');
            foreach (var ch in value)
            {
                if (ch == '\'' || ch == '\\')
                {
                    builder.Append(ch);
                }

                builder.Append(ch);
            }

            return builder.Append('\'').ToString();
        }

        private static bool IsBare(string name)
        {
            if (name.Length == 0 || !(IsLower(name[0]) || name[0] == '_'))
            {
                return false;
            }

            foreach (var ch in name)
            {
                if (!(IsLower(ch) || (ch >= '0' && ch <= '9') || ch == '_'))
                {
                    return false;
                }
            }

            return !PostgresKeywords.NeedsQuotes(name);
        }

        private static bool IsLower(char ch) => ch >= 'a' && ch <= 'z';
    }
}
