namespace TenantGuard.Sql
{
    /// <summary>A psql meta-command line (\i file, \echo …): psql runs it itself, a database connection cannot.</summary>
    public sealed class PsqlMetaCommand
    {
        internal PsqlMetaCommand(string text, int offset, int line)
        {
            Text = text;
            Offset = offset;
            Line = line;
        }

        public string Text { get; }

        public int Offset { get; }

        public int Line { get; }

        /// <summary>The command word, e.g. \echo.</summary>
        public string Name
        {
            get
            {
                var end = Text.IndexOfAny(new[] { ' ', '\t' });
                return end < 0 ? Text : Text.Substring(0, end);
            }
        }
    }
}
