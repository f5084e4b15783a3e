using System;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Raised inside one statement's parse; the statement becomes unparsed, the rest of the text is still read.</summary>
    internal sealed class SqlParseException : Exception
    {
        public SqlParseException(string message, int offset)
            : base(message)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }
}
