using System.Text;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>A statement's text for messages: whitespace collapsed, at most 120 characters.</summary>
    internal static class StatementText
    {
        public const int MaxLength = 120;

        public static string Collapse(string text, int start, int end)
        {
            var builder = new StringBuilder(System.Math.Min(end - start, MaxLength + 1));
            var pendingSpace = false;
            for (var i = start; i < end && builder.Length <= MaxLength; i++)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }

            if (builder.Length > MaxLength)
            {
                builder.Length = MaxLength - 1;
                builder.Append('…');
            }

            return builder.ToString();
        }
    }
}
