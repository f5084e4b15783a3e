namespace TenantGuard.Sql.Syntax
{
    /// <summary>Any piece of the tree, with its span in the source text (End is exclusive).</summary>
    internal abstract class SqlNode
    {
        public int Start { get; set; }

        public int End { get; set; }
    }
}
