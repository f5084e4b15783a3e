namespace TenantGuard.Sql.Syntax
{
    /// <summary>The source text a node spans, clamped to the text so a stray offset never throws.</summary>
    public static class SqlNodeText
    {
        public static string Of(string text, SqlNode node)
        {
            if (text == null || node == null)
            {
                return string.Empty;
            }

            var start = node.Start < 0 ? 0 : node.Start > text.Length ? text.Length : node.Start;
            var end = node.End < start ? start : node.End > text.Length ? text.Length : node.End;
            return text.Substring(start, end - start);
        }
    }
}
