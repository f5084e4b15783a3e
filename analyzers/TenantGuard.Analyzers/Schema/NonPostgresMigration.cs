using System;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>
    /// Recognises a migration written for another database before it is read: a T-SQL or MySQL file read as PostgreSQL
    /// gives one problem per statement and costs as much as a real schema. One pass over the text, no tokenising.
    /// </summary>
    internal static class NonPostgresMigration
    {
        /// <summary>What gives the file away ("T-SQL: GO batch separator"), or null when it may be PostgreSQL.</summary>
        public static string? DialectOf(string text)
        {
            if (text.IndexOf("[dbo]", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "T-SQL: [dbo] schema name";
            }

            if (text.IndexOf("TABLE [", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "T-SQL: [bracketed] table name";
            }

            if (text.IndexOf("TABLE `", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // PostgreSQL has no backtick quoting: a MySQL or MariaDB dump (phpMyAdmin, mysqldump).
                return "MySQL: `backtick` table name";
            }

            return HasGoLine(text) ? "T-SQL: GO batch separator" : null;
        }

        /// <summary>A line holding only GO (sqlcmd's batch separator); PostgreSQL has no such statement.</summary>
        private static bool HasGoLine(string text)
        {
            var index = 0;
            while ((index = text.IndexOf("GO", index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                if (OnlyBlanks(text, LineStart(text, index), index) && OnlyBlanks(text, index + 2, LineEnd(text, index + 2)))
                {
                    return true;
                }

                index += 2;
            }

            return false;
        }

        private static int LineStart(string text, int index)
        {
            var start = text.LastIndexOf('\n', Math.Max(0, index - 1));
            return index == 0 || start < 0 ? 0 : start + 1;
        }

        private static int LineEnd(string text, int index)
        {
            var end = text.IndexOf('\n', Math.Min(index, text.Length));
            return end < 0 ? text.Length : end;
        }

        private static bool OnlyBlanks(string text, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
