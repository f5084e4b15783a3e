namespace TenantGuard.Sql
{
    /// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> of the checked text.</summary>
    public readonly struct SqlTextEdit
    {
        public SqlTextEdit(int start, int length, string newText)
        {
            Start = start;
            Length = length;
            NewText = newText;
        }

        public int Start { get; }

        public int Length { get; }

        public string NewText { get; }

        public override string ToString() => "[" + Start + "+" + Length + "] -> \"" + NewText + "\"";
    }
}
