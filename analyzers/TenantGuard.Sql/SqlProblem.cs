namespace TenantGuard.Sql
{
    /// <summary>Something in the SQL text the reader could not read, with a 1-based line and column.</summary>
    public sealed class SqlProblem
    {
        public SqlProblem(string message, int line, int column, int offset)
        {
            Message = message;
            Line = line;
            Column = column;
            Offset = offset;
        }

        public string Message { get; }

        public int Line { get; }

        public int Column { get; }

        public int Offset { get; }

        public override string ToString() => "(" + Line + "," + Column + "): " + Message;
    }
}
