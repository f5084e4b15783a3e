namespace TenantGuard.Sql.Syntax
{
    /// <summary>Any piece of the tree, with its span in the source text (End is exclusive).</summary>
    public abstract class SqlNode
    {
        internal SqlNode()
        {
        }

        public int Start { get; internal set; }

        public int End { get; internal set; }
    }
}
